package ru.eschool.school.internal;

import java.util.List;

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
}
