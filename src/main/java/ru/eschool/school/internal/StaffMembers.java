package ru.eschool.school.internal;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.school.PersonName;
import ru.eschool.shared.Db;

/** A school's staff: teachers, the director, deputies and others. */
@Repository
public class StaffMembers {

	public enum Position { DIRECTOR, DEPUTY, TEACHER, TUTOR, PSYCHOLOGIST, LIBRARIAN, OTHER }

	public record Staff(long id, long institutionId, PersonName name, Position position, @Nullable String email,
			@Nullable String phone, boolean active) {
	}

	private final JdbcClient db;

	StaffMembers(JdbcClient db) {
		this.db = db;
	}

	public long create(long institutionId, PersonName name, Position position, @Nullable String email,
			@Nullable String phone) {
		return Db.insert(db.sql("""
				insert into school_staff (institution_id, last_name, first_name, middle_name, position, email, phone, active)
				values (:i, :l, :f, :m, :pos, :e, :p, true)""").param("i", institutionId).param("l", name.last())
			.param("f", name.first()).param("m", name.middle()).param("pos", position.name()).param("e", email)
			.param("p", phone));
	}

	public Optional<Staff> find(long institutionId, long staffId) {
		return db.sql("""
				select id, institution_id, last_name, first_name, middle_name, position, email, phone, active
				from school_staff where id = :id and institution_id = :i""").param("id", staffId)
			.param("i", institutionId)
			.query((rs, n) -> new Staff(rs.getLong(1), rs.getLong(2),
					new PersonName(rs.getString(3), rs.getString(4), rs.getString(5)),
					Position.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getBoolean(9)))
			.optional();
	}

	/** The active staff of the institution, in one statement. */
	public List<Staff> activeOf(long institutionId) {
		return db.sql("""
				select id, institution_id, last_name, first_name, middle_name, position, email, phone, active
				from school_staff where institution_id = :i and active order by id""").param("i", institutionId)
			.query((rs, n) -> new Staff(rs.getLong(1), rs.getLong(2),
					new PersonName(rs.getString(3), rs.getString(4), rs.getString(5)),
					Position.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getBoolean(9)))
			.list();
	}

	/** Records a subject the staff member teaches (before any class is assigned); twice changes nothing. */
	public void addSubject(long staffId, long subjectId) {
		int n = db.sql("select count(*) from school_staff_subject where staff_id = :s and subject_id = :sub")
			.param("s", staffId).param("sub", subjectId).query(Integer.class).single();
		if (n == 0) {
			db.sql("insert into school_staff_subject (staff_id, subject_id) values (:s, :sub)").param("s", staffId)
				.param("sub", subjectId).update();
		}
	}
}
