package ru.eschool.regiongen;

import java.util.List;

/** A table the generator writes, with the columns in the order rows give them. */
enum Table {
	MUNICIPALITY("school_municipality", true, "id", "name"),
	INSTITUTION("school_institution", true, "id", "municipality_id", "name", "short_name", "kind", "created_at"),
	ACADEMIC_YEAR("school_academic_year", true, "id", "institution_id", "name", "starts_on", "ends_on", "current_year"),
	STUDY_PERIOD("school_study_period", true, "id", "academic_year_id", "scheme", "number", "starts_on", "ends_on",
			"grade_from", "grade_to"),
	HOLIDAY("school_holiday", true, "id", "academic_year_id", "name", "starts_on", "ends_on"),
	SUBJECT("school_subject", true, "id", "institution_id", "name", "pass_fail"),
	STAFF("school_staff", true, "id", "institution_id", "last_name", "first_name", "middle_name", "position", "email",
			"phone", "active"),
	CLASS("school_class", true, "id", "institution_id", "academic_year_id", "grade", "letter", "class_teacher_id"),
	CLASS_GROUP("school_class_group", true, "id", "class_id", "name"),
	ASSIGNMENT("school_teaching_assignment", true, "id", "staff_id", "subject_id", "class_id", "group_id"),
	STAFF_SUBJECT("school_staff_subject", false, "staff_id", "subject_id"),
	STUDENT("school_student", true, "id", "institution_id", "last_name", "first_name", "middle_name", "email", "phone",
			"active"),
	ENROLMENT("school_enrolment", true, "id", "student_id", "class_id", "joined_on", "reason"),
	GROUP_MEMBER("school_group_member", false, "group_id", "student_id"),
	GUARDIAN("school_guardian", true, "id", "institution_id", "last_name", "first_name", "middle_name", "email", "phone"),
	GUARDIANSHIP("school_guardianship", false, "guardian_id", "student_id", "relation"),
	ACCOUNT("identity_account", true, "id", "login", "password_hash", "display_name", "enabled", "created_at",
			"password_changed_at"),
	ROLE_GRANT("identity_role_grant", true, "id", "account_id", "role", "institution_id", "person_id", "created_at"),
	BELL("timetable_bell", true, "id", "institution_id", "shift", "number", "starts_at", "ends_at"),
	TEMPLATE_ENTRY("timetable_template_entry", true, "id", "institution_id", "academic_year_id", "class_id", "group_id",
			"weekday", "shift", "number", "subject_id", "teacher_id", "room"),
	LESSON("timetable_lesson", true, "id", "institution_id", "class_id", "group_id", "subject_id", "teacher_id",
			"lesson_date", "shift", "number", "starts_at", "ends_at", "room", "status", "template_entry_id", "version"),
	GRADING_SETTINGS("gradebook_settings", false, "institution_id"),
	WORK_TYPE("gradebook_work_type", true, "id", "institution_id", "name", "weight", "position"),
	JOURNAL_LESSON("gradebook_lesson", false, "lesson_id", "institution_id", "topic", "work_type_id", "updated_by",
			"updated_at"),
	CELL("gradebook_cell", true, "id", "institution_id", "lesson_id", "student_id", "attendance", "version"),
	MARK("gradebook_mark", true, "id", "cell_id", "lesson_id", "student_id", "position", "mark_value", "work_type_id",
			"posted_by", "posted_at"),
	MARK_HISTORY("gradebook_mark_history", true, "id", "kind", "mark_id", "lesson_id", "student_id", "new_value",
			"changed_by", "changed_at"),
	HOMEWORK("homework_assignment", true, "id", "institution_id", "lesson_id", "class_id", "group_id", "subject_id",
			"due_lesson_id", "due_on", "body", "hand_in", "set_by", "set_at");

	final String sqlName;
	/** Whether the table has an identity column {@code id} the generator fills itself. */
	final boolean identity;
	final List<String> columns;

	Table(String sqlName, boolean identity, String... columns) {
		this.sqlName = sqlName;
		this.identity = identity;
		this.columns = List.of(columns);
	}

	String columnList() {
		return String.join(", ", columns);
	}
}
