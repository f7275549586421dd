package ru.eschool.timetable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Db;
import ru.eschool.shared.Role;

/**
 * Object mother of the timetable tests: a school with the demo's bells (7 lessons from 8:30),
 * quarters for grades 1-9 and the autumn holidays, classes, teachers and their assignments,
 * template lines and dated lessons written directly.
 */
final class TimetableMother {

	/** Quarter 2 of 2026/2027 for grades 1-9, and the autumn holidays right before it. */
	static final LocalDate Q1_STARTS = LocalDate.of(2026, 9, 1);
	static final LocalDate Q1_ENDS = LocalDate.of(2026, 10, 23);
	static final LocalDate Q2_STARTS = LocalDate.of(2026, 11, 5);
	static final LocalDate Q2_ENDS = LocalDate.of(2026, 12, 27);
	/** A one-day holiday inside quarter 2 (a Wednesday), to see that it is skipped. */
	static final LocalDate DAY_OFF = LocalDate.of(2026, 11, 18);
	/** Monday of a full school week in quarter 2. */
	static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

	private final JdbcClient db;
	private final TestData data;

	TimetableMother(JdbcClient db, TestData data) {
		this.db = db;
		this.data = data;
	}

	/** A school with bells, study periods and holidays. */
	School school() {
		School school = data.school();
		LocalTime start = LocalTime.of(8, 30);
		for (int n = 1; n <= 7; n++) {
			LocalTime end = start.plusMinutes(45);
			db.sql("insert into timetable_bell (institution_id, shift, number, starts_at, ends_at) values (:i, 1, :n, :s, :e)")
				.param("i", school.id()).param("n", n).param("s", start).param("e", end).update();
			start = end.plusMinutes(n == 2 ? 20 : 10);
		}
		period(school, 1, Q1_STARTS, Q1_ENDS);
		period(school, 2, Q2_STARTS, Q2_ENDS);
		holiday(school, "Осенние каникулы", LocalDate.of(2026, 10, 24), LocalDate.of(2026, 11, 4));
		holiday(school, "День здоровья", DAY_OFF, DAY_OFF);
		return school;
	}

	void period(School school, int number, LocalDate from, LocalDate to) {
		db.sql("""
				insert into school_study_period (academic_year_id, scheme, number, starts_on, ends_on, grade_from, grade_to)
				values (:y, 'QUARTER', :n, :f, :t, 1, 9)""").param("y", school.yearId()).param("n", number)
			.param("f", from).param("t", to).update();
	}

	void holiday(School school, String name, LocalDate from, LocalDate to) {
		db.sql("insert into school_holiday (academic_year_id, name, starts_on, ends_on) values (:y, :n, :f, :t)")
			.param("y", school.yearId()).param("n", name).param("f", from).param("t", to).update();
	}

	long teacher(School school, String last) {
		return data.staff(school, last, "Анна", "TEACHER");
	}

	Account teacherAccount(School school, long staffId) {
		return data.account("Учитель", TestData.grant(Role.TEACHER, school, staffId));
	}

	/** A teaching assignment; returns its id. */
	long assign(long staffId, long subjectId, long classId, @Nullable Long groupId) {
		return Db.insert(db.sql("""
				insert into school_teaching_assignment (staff_id, subject_id, class_id, group_id) values (:s, :sub, :c, :g)""")
			.param("s", staffId).param("sub", subjectId).param("c", classId).param("g", groupId));
	}

	/** A template line written directly (no checks). */
	long entry(School school, long classId, @Nullable Long groupId, int weekday, int number, long subjectId,
			long teacherId, @Nullable String room) {
		return Db.insert(db.sql("""
				insert into timetable_template_entry (institution_id, academic_year_id, class_id, group_id, weekday, shift,
				  number, subject_id, teacher_id, room) values (:i, :y, :c, :g, :w, 1, :n, :sub, :t, :r)""")
			.param("i", school.id()).param("y", school.yearId()).param("c", classId).param("g", groupId)
			.param("w", weekday).param("n", number).param("sub", subjectId).param("t", teacherId).param("r", room));
	}

	/** A dated lesson written directly, at the given slot of the demo bells. */
	long lesson(School school, long classId, @Nullable Long groupId, LocalDate date, int number, long subjectId,
			long teacherId, @Nullable String room) {
		LocalTime start = startOf(number);
		return Db.insert(db.sql("""
				insert into timetable_lesson (institution_id, class_id, group_id, subject_id, teacher_id, lesson_date, shift,
				  number, starts_at, ends_at, room, status, version)
				values (:i, :c, :g, :sub, :t, :d, 1, :n, :s, :e, :r, 'SCHEDULED', 0)""")
			.param("i", school.id()).param("c", classId).param("g", groupId).param("sub", subjectId)
			.param("t", teacherId).param("d", date).param("n", number).param("s", start)
			.param("e", start.plusMinutes(45)).param("r", room));
	}

	static LocalTime startOf(int number) {
		LocalTime start = LocalTime.of(8, 30);
		for (int n = 1; n < number; n++) {
			start = start.plusMinutes(45 + (n == 2 ? 20 : 10));
		}
		return start;
	}

	long count(String sql, Object... params) {
		var spec = db.sql(sql);
		for (int i = 0; i < params.length; i++) {
			spec = spec.param(i + 1, params[i]);
		}
		return spec.query(Long.class).single();
	}

	List<Long> ids(String sql, Object... params) {
		var spec = db.sql(sql);
		for (int i = 0; i < params.length; i++) {
			spec = spec.param(i + 1, params[i]);
		}
		return spec.query(Long.class).list();
	}
}
