package ru.eschool.school;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.eschool.shared.Actor;

/**
 * Who belongs to a class and who may see what happens in it, for the timetable's lessons and
 * their homework: one statement per question.
 */
@Service
public class ClassMembers {

	/** A current student of a class (or of a group within it). */
	public record Pupil(long id, PersonName name) {
	}

	private final JdbcClient db;

	ClassMembers(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Whether the actor may see the class's lessons and homework: its students and their
	 * guardians, the teachers who teach or lead it, the admins of its school.
	 */
	public boolean maySee(Actor actor, long classId) {
		String sql = switch (actor.role()) {
			case STUDENT -> "select count(*) from school_enrolment e where e.class_id = :c and e.left_on is null and e.student_id = :p";
			case GUARDIAN -> """
					select count(*) from school_enrolment e join school_guardianship g on g.student_id = e.student_id
					where e.class_id = :c and e.left_on is null and g.guardian_id = :p""";
			case TEACHER -> """
					select count(*) from school_class c where c.id = :c and c.institution_id = :i and (c.class_teacher_id = :p
					  or c.id in (select a.class_id from school_teaching_assignment a where a.staff_id = :p))""";
			case SCHOOL_ADMIN -> "select count(*) from school_class c where c.id = :c and c.institution_id = :i";
			case REGION_ADMIN -> null;
		};
		if (sql == null) {
			return false;
		}
		var spec = db.sql(sql).param("c", classId);
		if (sql.contains(":p")) {
			spec = spec.param("p", actor.personId());
		}
		if (sql.contains(":i")) {
			spec = spec.param("i", actor.institutionId());
		}
		return spec.query(Long.class).single() > 0;
	}

	/** Whether a student currently learns in the class, and in the group when one is given. */
	public boolean learnsIn(long studentId, long classId, @Nullable Long groupId) {
		String sql = "select count(*) from school_enrolment e where e.student_id = :s and e.class_id = :c and e.left_on is null"
				+ (groupId == null ? "" : " and exists (select 1 from school_group_member m where m.group_id = :g and m.student_id = :s)");
		var spec = db.sql(sql).param("s", studentId).param("c", classId);
		if (groupId != null) {
			spec = spec.param("g", groupId);
		}
		return spec.query(Long.class).single() > 0;
	}

	/** The current students of a class, or of one group of it, by name (one statement). */
	public List<Pupil> pupils(long classId, @Nullable Long groupId) {
		String sql = """
				select s.id, s.last_name, s.first_name, s.middle_name from school_student s
				join school_enrolment e on e.student_id = s.id and e.left_on is null
				where e.class_id = :c and s.active"""
				+ (groupId == null ? "" : " and s.id in (select m.student_id from school_group_member m where m.group_id = :g)")
				+ " order by s.last_name, s.first_name, s.id";
		var spec = db.sql(sql).param("c", classId);
		if (groupId != null) {
			spec = spec.param("g", groupId);
		}
		return spec.query((rs, n) -> new Pupil(rs.getLong(1), new PersonName(rs.getString(2), rs.getString(3), rs.getString(4))))
			.list();
	}

	/** The groups each student belongs to (one statement): lessons of other groups are not theirs. */
	public Map<Long, Set<Long>> groupsOf(Collection<Long> studentIds) {
		Map<Long, Set<Long>> groups = new HashMap<>();
		if (!studentIds.isEmpty()) {
			db.sql("select student_id, group_id from school_group_member where student_id in (:s)").param("s", studentIds)
				.query(rs -> {
					groups.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
				});
		}
		return groups;
	}
}
