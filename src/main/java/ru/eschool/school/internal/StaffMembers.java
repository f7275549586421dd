package ru.eschool.school.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
			.param("i", institutionId).query(StaffMembers::staff).optional();
	}

	/** A staff member in a list: their subjects are those of their teaching assignments. */
	public record StaffRow(Staff staff, List<String> subjects) {
	}

	/** The institution's staff, active first, with the subjects each teaches (two statements). */
	public List<StaffRow> list(long institutionId) {
		Map<Long, List<String>> subjects = new HashMap<>();
		db.sql("""
				select distinct a.staff_id, sub.name from school_teaching_assignment a
				join school_subject sub on sub.id = a.subject_id
				join school_staff f on f.id = a.staff_id
				where f.institution_id = :i order by sub.name""").param("i", institutionId)
			.query(rs -> {
				subjects.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
			});
		return db.sql("""
				select id, institution_id, last_name, first_name, middle_name, position, email, phone, active
				from school_staff where institution_id = :i
				order by case when active then 0 else 1 end, last_name, first_name, middle_name, id""")
			.param("i", institutionId).query(StaffMembers::staff).list().stream()
			.map(s -> new StaffRow(s, subjects.getOrDefault(s.id(), List.of()))).toList();
	}

	/** Active staff of the institution, by name: the people a class teacher may be chosen from. */
	public List<Staff> active(long institutionId) {
		return db.sql("""
				select id, institution_id, last_name, first_name, middle_name, position, email, phone, active
				from school_staff where institution_id = :i and active order by last_name, first_name, middle_name, id""")
			.param("i", institutionId).query(StaffMembers::staff).list();
	}

	public void update(long staffId, PersonName name, Position position, @Nullable String email,
			@Nullable String phone) {
		db.sql("""
				update school_staff set last_name = :l, first_name = :f, middle_name = :m, position = :pos,
				  email = :e, phone = :p where id = :id""").param("l", name.last()).param("f", name.first())
			.param("m", name.middle()).param("pos", position.name()).param("e", email).param("p", phone)
			.param("id", staffId).update();
	}

	public void setActive(long staffId, boolean active) {
		db.sql("update school_staff set active = :a where id = :id").param("a", active).param("id", staffId).update();
	}

	private static Staff staff(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Staff(rs.getLong(1), rs.getLong(2), new PersonName(rs.getString(3), rs.getString(4), rs.getString(5)),
				Position.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getBoolean(9));
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
