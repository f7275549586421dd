package ru.eschool.school.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.school.PersonName;
import ru.eschool.shared.NotFound;

/**
 * The people of a school who may receive invitation letters: the current students of a class,
 * their guardians, and the staff. Every query is bound to the institution.
 */
@Repository
public class Invitees {

	/** A person to invite; {@code about} names the class, or for a guardian the children in it. */
	public record Invitee(long id, PersonName name, String about) {
	}

	public record StaffInvitee(long id, PersonName name, String position) {
	}

	private final JdbcClient db;

	Invitees(JdbcClient db) {
		this.db = db;
	}

	/** The institution's full name, as printed on letters. */
	public String schoolName(long institutionId) {
		return db.sql("select name from school_institution where id = :i").param("i", institutionId)
			.query(String.class).optional().orElseThrow(NotFound::new);
	}

	/** Current students of a class of the institution. */
	public List<Invitee> students(long institutionId, long classId) {
		return db.sql("""
				select s.id, s.last_name, s.first_name, s.middle_name, cast(c.grade as varchar(2)) || c.letter
				from school_student s
				join school_enrolment e on e.student_id = s.id and e.left_on is null
				join school_class c on c.id = e.class_id
				where e.class_id = :c and c.institution_id = :i and s.institution_id = :i
				order by s.last_name, s.first_name, s.id""")
			.param("c", classId).param("i", institutionId)
			.query((rs, n) -> new Invitee(rs.getLong(1), new PersonName(rs.getString(2), rs.getString(3), rs.getString(4)),
					rs.getString(5)))
			.list();
	}

	/**
	 * Guardians of the current students of a class; {@code about} lists their children there with
	 * the class ("Петров Миша, 5А"), so the letter says whose parent it is for.
	 */
	public List<Invitee> guardians(long institutionId, long classId) {
		record Row(long id, PersonName name, String child, String className) {
		}
		List<Row> rows = db.sql("""
				select g.id, g.last_name, g.first_name, g.middle_name, s.first_name, s.last_name,
				       cast(c.grade as varchar(2)) || c.letter
				from school_guardian g
				join school_guardianship l on l.guardian_id = g.id
				join school_student s on s.id = l.student_id
				join school_enrolment e on e.student_id = s.id and e.left_on is null
				join school_class c on c.id = e.class_id
				where e.class_id = :c and c.institution_id = :i and g.institution_id = :i
				order by g.last_name, g.first_name, g.id, s.first_name""")
			.param("c", classId).param("i", institutionId)
			.query((rs, n) -> new Row(rs.getLong(1), new PersonName(rs.getString(2), rs.getString(3), rs.getString(4)),
					rs.getString(6) + " " + rs.getString(5), rs.getString(7)))
			.list();
		Map<Long, List<Row>> byGuardian = new LinkedHashMap<>();
		rows.forEach(r -> byGuardian.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
		List<Invitee> invitees = new ArrayList<>(byGuardian.size());
		byGuardian.forEach((id, list) -> invitees.add(new Invitee(id, list.get(0).name(),
				String.join(", ", list.stream().map(Row::child).toList()) + ", " + list.get(0).className())));
		return invitees;
	}

	/** Active staff of the institution, by name. */
	public List<StaffInvitee> staff(long institutionId) {
		return db.sql("""
				select id, last_name, first_name, middle_name, position from school_staff
				where institution_id = :i and active order by last_name, first_name, id""")
			.param("i", institutionId).query(Invitees::staffRow).list();
	}

	/** Those of the given staff ids that are active staff of the institution; others are dropped. */
	public List<StaffInvitee> staff(long institutionId, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return db.sql("""
				select id, last_name, first_name, middle_name, position from school_staff
				where institution_id = :i and active and id in (:ids) order by last_name, first_name, id""")
			.param("i", institutionId).param("ids", ids).query(Invitees::staffRow).list();
	}

	private static StaffInvitee staffRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new StaffInvitee(rs.getLong(1), new PersonName(rs.getString(2), rs.getString(3), rs.getString(4)),
				rs.getString(5));
	}
}
