package ru.eschool.school;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.eschool.school.internal.StudentScope;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;

/**
 * What other modules may ask of the school's people, always on behalf of an actor and scoped by
 * {@link StudentScope}: a guardian's children, a teacher's classes, one student's card.
 */
@Service
public class SchoolRoster {

	/** A student as others see them: name, current class and school. */
	public record StudentSummary(long id, PersonName name, long institutionId, String institutionName,
			Long classId, String className) {
	}

	public record ClassSummary(long id, String name, int students, boolean classTeacher, String subjects) {
	}

	public record SchoolFigures(String institutionName, long classes, long students, long guardians, long staff) {
	}

	private static final String STUDENT_SELECT = """
			select s.id, s.last_name, s.first_name, s.middle_name, s.institution_id, i.short_name,
			       c.id as class_id, coalesce(cast(c.grade as varchar(2)) || c.letter, '') as class_name
			from school_student s
			join school_institution i on i.id = s.institution_id
			left join school_enrolment e on e.student_id = s.id and e.left_on is null
			left join school_class c on c.id = e.class_id
			""";

	private final JdbcClient db;

	SchoolRoster(JdbcClient db) {
		this.db = db;
	}

	/** The students the actor may see as "their" children or themselves (guardian, student). */
	public List<StudentSummary> ownStudents(Actor actor) {
		if (!actor.is(Role.GUARDIAN) && !actor.is(Role.STUDENT)) {
			return List.of();
		}
		StudentScope.Predicate scope = StudentScope.of(actor);
		return db.sql(STUDENT_SELECT + " where s.active and " + scope.sql() + " order by s.first_name")
			.params(scope.params()).query(SchoolRoster::summary).list();
	}

	/** One student, if the actor may see them; otherwise 404, whether or not the id exists. */
	public StudentSummary student(Actor actor, long studentId) {
		StudentScope.Predicate scope = StudentScope.of(actor);
		return db.sql(STUDENT_SELECT + " where s.id = :id and " + scope.sql()).params(scope.params())
			.param("id", studentId).query(SchoolRoster::summary).optional().orElseThrow(NotFound::new);
	}

	/** The classes a teacher teaches or leads, with the subjects they teach there (two statements). */
	public List<ClassSummary> classesOf(Actor teacher) {
		teacher.require(Role.TEACHER);
		long staff = teacher.personId();
		java.util.Map<Long, java.util.List<String>> subjects = new java.util.HashMap<>();
		db.sql("""
				select distinct a.class_id, sub.name from school_teaching_assignment a
				join school_subject sub on sub.id = a.subject_id where a.staff_id = :staff order by sub.name""")
			.param("staff", staff)
			.query(rs -> {
				subjects.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
			});
		return db.sql("""
				select c.id, cast(c.grade as varchar(2)) || c.letter as name,
				  (select count(*) from school_enrolment e where e.class_id = c.id and e.left_on is null) as students,
				  case when c.class_teacher_id = :staff then true else false end as lead
				from school_class c
				where c.id in (select a.class_id from school_teaching_assignment a where a.staff_id = :staff)
				   or c.class_teacher_id = :staff
				order by c.grade, c.letter""")
			.param("staff", staff)
			.query((rs, n) -> new ClassSummary(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4),
					String.join(", ", subjects.getOrDefault(rs.getLong(1), List.of()))))
			.list();
	}

	public SchoolFigures figures(long institutionId) {
		return db.sql("""
				select i.short_name,
				  (select count(*) from school_class c where c.institution_id = i.id),
				  (select count(*) from school_student s where s.institution_id = i.id and s.active),
				  (select count(*) from school_guardian g where g.institution_id = i.id),
				  (select count(*) from school_staff f where f.institution_id = i.id and f.active)
				from school_institution i where i.id = :id""")
			.param("id", institutionId)
			.query((rs, n) -> new SchoolFigures(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5)))
			.optional().orElseThrow(NotFound::new);
	}

	private static StudentSummary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new StudentSummary(rs.getLong(1), new PersonName(rs.getString(2), rs.getString(3), rs.getString(4)),
				rs.getLong(5), rs.getString(6), (Long) rs.getObject(7, Long.class), rs.getString(8));
	}
}
