package ru.eschool.school.internal;

import java.util.Map;

import ru.eschool.shared.Actor;

/**
 * The access policy for students' data, as a SQL predicate on a student alias. Every query that
 * returns students (or their marks, guardians, classes) adds it to its WHERE clause: a school
 * admin sees their school, a teacher the classes they teach or lead, a guardian linked children,
 * a student themselves, a regional admin nobody.
 */
public final class StudentScope {

	private StudentScope() {
	}

	/** Staff who left lose access at once, even with a session still open. */
	private static final String ACTIVE_STAFF = """
			exists (select 1 from school_staff st where st.id = :scopePerson and st.active)""";

	/** A predicate on the student alias {@code s}, and its parameters. */
	public record Predicate(String sql, Map<String, Object> params) {
	}

	public static Predicate of(Actor actor) {
		return switch (actor.role()) {
			case SCHOOL_ADMIN -> new Predicate("s.institution_id = :scopeInst and " + ACTIVE_STAFF,
					Map.of("scopeInst", actor.institutionId(), "scopePerson", actor.personId()));
			case TEACHER -> new Predicate("""
					s.institution_id = :scopeInst and %s and s.id in (
					  select e.student_id from school_enrolment e
					  where e.left_on is null and (
					    e.class_id in (select a.class_id from school_teaching_assignment a where a.staff_id = :scopePerson)
					    or e.class_id in (select c.id from school_class c where c.class_teacher_id = :scopePerson)))"""
					.formatted(ACTIVE_STAFF),
					Map.of("scopeInst", actor.institutionId(), "scopePerson", actor.personId()));
			case GUARDIAN -> new Predicate(
					"s.id in (select g.student_id from school_guardianship g where g.guardian_id = :scopePerson)",
					Map.of("scopePerson", actor.personId()));
			case STUDENT -> new Predicate("s.id = :scopePerson", Map.of("scopePerson", actor.personId()));
			case REGION_ADMIN -> new Predicate("1 = 0", Map.of());
		};
	}
}
