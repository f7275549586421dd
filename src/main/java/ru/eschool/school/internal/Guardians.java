package ru.eschool.school.internal;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.school.PersonName;
import ru.eschool.shared.Db;

/** Guardians (parents and legal representatives) and their links to students. */
@Repository
public class Guardians {

	public enum Relation { MOTHER, FATHER, GUARDIAN, OTHER }

	public record Guardian(long id, long institutionId, PersonName name, @Nullable String email,
			@Nullable String phone) {
	}

	private final JdbcClient db;

	Guardians(JdbcClient db) {
		this.db = db;
	}

	public long create(long institutionId, PersonName name, @Nullable String email, @Nullable String phone) {
		return Db.insert(db.sql("""
				insert into school_guardian (institution_id, last_name, first_name, middle_name, email, phone)
				values (:i, :l, :f, :m, :e, :p)""").param("i", institutionId).param("l", name.last())
			.param("f", name.first()).param("m", name.middle()).param("e", email).param("p", phone));
	}

	public Optional<Guardian> find(long institutionId, long guardianId) {
		return db.sql("""
				select id, institution_id, last_name, first_name, middle_name, email, phone from school_guardian
				where id = :id and institution_id = :i""").param("id", guardianId).param("i", institutionId)
			.query((rs, n) -> new Guardian(rs.getLong(1), rs.getLong(2),
					new PersonName(rs.getString(3), rs.getString(4), rs.getString(5)), rs.getString(6),
					rs.getString(7)))
			.optional();
	}

	/** Links a guardian to a student; linking twice changes nothing. */
	public void link(long guardianId, long studentId, Relation relation) {
		int n = db.sql("update school_guardianship set relation = :r where guardian_id = :g and student_id = :s")
			.param("r", relation.name()).param("g", guardianId).param("s", studentId).update();
		if (n == 0) {
			db.sql("insert into school_guardianship (guardian_id, student_id, relation) values (:g, :s, :r)")
				.param("g", guardianId).param("s", studentId).param("r", relation.name()).update();
		}
	}

	public void unlink(long guardianId, long studentId) {
		db.sql("delete from school_guardianship where guardian_id = :g and student_id = :s").param("g", guardianId)
			.param("s", studentId).update();
	}

	/** All guardians of the institution, in one statement. */
	public List<Guardian> ofInstitution(long institutionId) {
		return db.sql("""
				select id, institution_id, last_name, first_name, middle_name, email, phone from school_guardian
				where institution_id = :i order by id""").param("i", institutionId)
			.query((rs, n) -> new Guardian(rs.getLong(1), rs.getLong(2),
					new PersonName(rs.getString(3), rs.getString(4), rs.getString(5)), rs.getString(6),
					rs.getString(7)))
			.list();
	}

	public record Link(long guardianId, long studentId) {
	}

	/** All guardian-student links of the institution's guardians, in one statement. */
	public List<Link> linksOf(long institutionId) {
		return db.sql("""
				select gs.guardian_id, gs.student_id from school_guardianship gs
				join school_guardian g on g.id = gs.guardian_id where g.institution_id = :i""")
			.param("i", institutionId).query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2))).list();
	}
}
