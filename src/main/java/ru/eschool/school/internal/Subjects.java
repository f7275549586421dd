package ru.eschool.school.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/** Subjects a school teaches; a pass/fail subject gets зачёт/незачёт instead of marks. */
@Repository
public class Subjects {

	public record Subject(long id, long institutionId, String name, boolean passFail) {
	}

	private final JdbcClient db;

	Subjects(JdbcClient db) {
		this.db = db;
	}

	public long create(long institutionId, String name, boolean passFail) {
		return Db.insert(db.sql("insert into school_subject (institution_id, name, pass_fail) values (:i, :n, :p)")
			.param("i", institutionId).param("n", name.strip()).param("p", passFail));
	}

	public List<Subject> of(long institutionId) {
		return db.sql("select id, institution_id, name, pass_fail from school_subject where institution_id = :i order by name")
			.param("i", institutionId).query(Subject.class).list();
	}

	/** A subject of the institution, or empty when it belongs to another (scoping). */
	public Optional<Subject> find(long institutionId, long subjectId) {
		return db.sql("select id, institution_id, name, pass_fail from school_subject where id = :id and institution_id = :i")
			.param("id", subjectId).param("i", institutionId).query(Subject.class).optional();
	}

	/**
	 * Whether another subject of the school has this name, ignoring case and surrounding spaces
	 * (compared here, not in SQL, so that Cyrillic case folding does not depend on the database's locale).
	 */
	public boolean nameTaken(long institutionId, String name, long exceptId) {
		String wanted = name.strip().toLowerCase(RU);
		return of(institutionId).stream()
			.anyMatch(s -> s.id() != exceptId && s.name().strip().toLowerCase(RU).equals(wanted));
	}

	public void update(long subjectId, String name, boolean passFail) {
		db.sql("update school_subject set name = :n, pass_fail = :p where id = :id").param("n", name.strip())
			.param("p", passFail).param("id", subjectId).update();
	}

	private static final java.util.Locale RU = java.util.Locale.forLanguageTag("ru");
}
