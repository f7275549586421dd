package ru.eschool.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.StatementCounter;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Db;
import ru.eschool.shared.Role;

/**
 * The class teacher's overview (averages, students at risk, attendance), the reasons for absences
 * recorded there, remarks and praise, and the admin's journal-keeping monitor: scoping, refusals,
 * statements and page size. Dates are relative to today: the current period holds today.
 */
@EschoolTest
@RecordApplicationEvents
@Import(StatementCounter.class)
class ClassOverviewTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired ApplicationEvents events;
	@Autowired Remarks remarks;
	@Autowired Clock clock;

	LocalDate today;
	School school;
	long fiveA;
	long fiveB;
	long math;
	long russian;
	long teacherId;
	Account classTeacher;
	long otherTeacherId;
	Account otherTeacher;
	Account admin;
	long quarter;
	long workType;
	long ivanov;
	long petrova;
	long sidorov;
	long stranger;

	@BeforeEach
	void setUp() {
		today = LocalDate.now(clock);
		school = data.school();
		fiveA = data.schoolClass(school, 5, "А");
		fiveB = data.schoolClass(school, 5, "Б");
		math = data.subject(school, "Математика");
		russian = data.subject(school, "Русский язык");
		teacherId = data.staff(school, "Смирнова", "Ольга", "TEACHER");
		classTeacher = data.account("Смирнова Ольга", TestData.grant(Role.TEACHER, school, teacherId));
		otherTeacherId = data.staff(school, "Орлова", "Вера", "TEACHER");
		otherTeacher = data.account("Орлова Вера", TestData.grant(Role.TEACHER, school, otherTeacherId));
		db.sql("update school_class set class_teacher_id = :t where id = :c").param("t", teacherId).param("c", fiveA).update();
		data.assign(teacherId, math, fiveA);
		data.assign(otherTeacherId, russian, fiveA);
		data.assign(otherTeacherId, russian, fiveB);
		admin = data.schoolAdmin(school);
		quarter = data.studyPeriod(school, 2, today.minusDays(40), today.plusDays(20));
		workType = Db.insert(db.sql("""
				insert into gradebook_work_type (institution_id, name, weight, position) values (:i, 'Ответ на уроке', 1, 1)""")
			.param("i", school.id()));
		ivanov = data.student(school, fiveA, "Иванов", "Пётр");
		petrova = data.student(school, fiveA, "Петрова", "Анна");
		sidorov = data.student(school, fiveA, "Сидоров", "Олег");
		stranger = data.student(school, fiveB, "Чужой", "Ученик");
		enrolFromPeriodStart();
	}

	void enrolFromPeriodStart() {
		db.sql("update school_enrolment set joined_on = :d where class_id in (:c)").param("d", today.minusDays(60))
			.param("c", List.of(fiveA, fiveB)).update();
	}

	long lesson(long subject, long teacher, int daysAgo, int number) {
		return data.lesson(school, fiveA, null, subject, teacher, today.minusDays(daysAgo), number);
	}

	/** A journal cell written directly: attendance (or null) and marks. */
	void cell(long lesson, long student, String attendance, String... marks) {
		long cell = Db.insert(db.sql("""
				insert into gradebook_cell (institution_id, lesson_id, student_id, attendance, version) values (:i, :l, :s, :a, 1)""")
			.param("i", school.id()).param("l", lesson).param("s", student).param("a", attendance));
		for (int i = 0; i < marks.length; i++) {
			db.sql("""
					insert into gradebook_mark (cell_id, lesson_id, student_id, position, mark_value, work_type_id, posted_by, posted_at)
					values (:c, :l, :s, :p, :v, :w, 1, current_timestamp)""").param("c", cell).param("l", lesson)
				.param("s", student).param("p", i + 1).param("v", marks[i]).param("w", workType).update();
		}
	}

	String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	// ---- remarks and praise ----------------------------------------------------------------------

	@Test
	void aTeacherOfTheClassWritesPraiseAndTheReadApiGivesItToTheDiary() throws Exception {
		mvc.perform(post("/journal/remarks").with(data.as(otherTeacher)).with(csrf()).param("class", "" + fiveA)
			.param("student", "" + ivanov).param("subject", "" + russian).param("kind", "PRAISE")
			.param("body", "Отличное сочинение").param("date", today.toString()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/journal/remarks").with(data.as(classTeacher)).with(csrf()).param("class", "" + fiveA)
			.param("student", "" + ivanov).param("kind", "REMARK").param("body", "Забыл дневник")
			.param("date", today.minusDays(1).toString()))
			.andExpect(status().is3xxRedirection());
		List<Remarks.Remark> list = remarks.of(List.of(ivanov, petrova), today.minusDays(7), today);
		assertThat(list).extracting(Remarks.Remark::kind).containsExactly(Remarks.Kind.PRAISE, Remarks.Kind.REMARK);
		assertThat(list.get(0).subjectId()).isEqualTo(russian);
		assertThat(list.get(0).authorStaffId()).isEqualTo(otherTeacherId);
		assertThat(remarks.of(List.of(petrova), today.minusDays(7), today)).isEmpty();
		assertThat(remarks.of(List.of(ivanov), today.minusDays(30), today.minusDays(8))).isEmpty();
		// the form shows what was written
		assertThat(body(mvc.perform(get("/journal/remarks").with(data.as(classTeacher)).param("class", "" + fiveA)
			.param("student", "" + ivanov)).andExpect(status().isOk()))).contains("Отличное сочинение", "Забыл дневник");
		// the grid links each student row to the form
		lesson(math, teacherId, 1, 1);
		assertThat(body(mvc.perform(get("/journal/" + fiveA + "/" + math).with(data.as(classTeacher)))))
			.contains("/journal/remarks?class=" + fiveA + "&amp;student=" + ivanov);
	}

	@Test
	void anotherClassesStudentIsNotFoundAndAGuardianCannotWrite() throws Exception {
		// the class teacher of 5А teaches nothing in 5Б
		mvc.perform(post("/journal/remarks").with(data.as(classTeacher)).with(csrf()).param("class", "" + fiveB)
			.param("student", "" + stranger).param("kind", "REMARK").param("body", "Шумел").param("date", today.toString()))
			.andExpect(status().isNotFound());
		// a student of 5Б named with 5А
		mvc.perform(post("/journal/remarks").with(data.as(classTeacher)).with(csrf()).param("class", "" + fiveA)
			.param("student", "" + stranger).param("kind", "REMARK").param("body", "Шумел").param("date", today.toString()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/journal/remarks").with(data.as(classTeacher)).param("class", "" + fiveA).param("student", "" + stranger))
			.andExpect(status().isNotFound());
		// another school's teacher
		School other = data.school();
		long foreignId = data.staff(other, "Чужая", "Учительница", "TEACHER");
		Account foreign = data.account("Чужая", TestData.grant(Role.TEACHER, other, foreignId));
		mvc.perform(post("/journal/remarks").with(data.as(foreign)).with(csrf()).param("class", "" + fiveA)
			.param("student", "" + ivanov).param("kind", "REMARK").param("body", "Шумел").param("date", today.toString()))
			.andExpect(status().isNotFound());
		long guardianId = data.guardian(school, "Иванова", "Мария", ivanov);
		Account guardian = data.account("Иванова Мария", TestData.grant(Role.GUARDIAN, school, guardianId));
		mvc.perform(post("/journal/remarks").with(data.as(guardian)).with(csrf()).param("class", "" + fiveA)
			.param("student", "" + ivanov).param("kind", "PRAISE").param("body", "Молодец").param("date", today.toString()))
			.andExpect(status().isForbidden());
		assertThat(db.sql("select count(*) from gradebook_remark where student_id in (:s)").param("s", List.of(ivanov, stranger))
			.query(Long.class).single()).isZero();
	}

	@Test
	void aRemarkNeedsAKindATextOfAtMost500CharactersAndADateNotInTheFuture() throws Exception {
		for (String[] bad : List.of(new String[] { "REMARK", " ", today.toString() },
				new String[] { "REMARK", "ж".repeat(501), today.toString() },
				new String[] { "REMARK", "Опоздал", today.plusDays(1).toString() },
				new String[] { "REMARK", "Опоздал", "вчера" }, new String[] { "SCOLD", "Опоздал", today.toString() })) {
			String html = body(mvc.perform(post("/journal/remarks").with(data.as(classTeacher)).with(csrf())
				.param("class", "" + fiveA).param("student", "" + ivanov).param("kind", bad[0]).param("body", bad[1])
				.param("date", bad[2])).andExpect(status().isOk()));
			assertThat(html).as(bad[0] + " " + bad[2]).contains("class=\"field-error\"");
		}
		assertThat(remarks.of(List.of(ivanov), today.minusYears(1), today.plusDays(2))).isEmpty();
		mvc.perform(post("/journal/remarks").with(data.as(classTeacher)).with(csrf()).param("class", "" + fiveA)
			.param("student", "" + ivanov).param("kind", "REMARK").param("body", "ж".repeat(500)).param("date", today.toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(remarks.of(List.of(ivanov), today, today)).singleElement().matches(r -> r.body().length() == 500);
	}

	// ---- the overview ----------------------------------------------------------------------------

	@Test
	void theOverviewShowsAveragesAndListsStudentsAtRiskFirstWithTheReason() throws Exception {
		long m1 = lesson(math, teacherId, 10, 1);
		long m2 = lesson(math, teacherId, 9, 1);
		long r1 = lesson(russian, otherTeacherId, 8, 2);
		long r2 = lesson(russian, otherTeacherId, 7, 2);
		long r3 = lesson(russian, otherTeacherId, 6, 2);
		cell(m1, ivanov, null, "2", "3");
		cell(m2, ivanov, null, "3");
		cell(m1, petrova, null, "5");
		cell(m2, petrova, null, "4");
		cell(r1, petrova, null, "5");
		cell(r1, sidorov, "N");
		cell(r2, sidorov, "B");
		cell(r3, sidorov, "OP", "4");
		String html = body(mvc.perform(get("/journal/class/" + fiveA).with(data.as(classTeacher))).andExpect(status().isOk()));
		// Иванов: math 2.67 (< 3.0); Сидоров: 2 of 5 lessons missed (40 %); Петрова: fine
		assertThat(html).contains("2.67", "4.50", "5.00");
		String risk = html.substring(html.indexOf("risk-list"), html.indexOf("</ul>", html.indexOf("risk-list")));
		assertThat(risk).contains("Иванов", "Математика", "Сидоров", "40 %").doesNotContain("Петрова");
		String table = html.substring(html.indexOf("<tbody>"));
		assertThat(table.indexOf("Иванов")).isLessThan(table.indexOf("Петрова"));
		assertThat(table.indexOf("Сидоров")).isLessThan(table.indexOf("Петрова"));
		// the school admin reads it; the absence form is the class teacher's
		String adminView = body(mvc.perform(get("/journal/class/" + fiveA).with(data.as(admin))).andExpect(status().isOk()));
		assertThat(adminView).contains("2.67").doesNotContain("/absence");
	}

	@Test
	void onlyTheClassTeacherAndTheSchoolsAdminSeeTheOverview() throws Exception {
		mvc.perform(get("/journal/class/" + fiveA).with(data.as(otherTeacher))).andExpect(status().isNotFound());
		mvc.perform(get("/journal/class/" + fiveB).with(data.as(classTeacher))).andExpect(status().isNotFound());
		mvc.perform(get("/journal/class/" + fiveA).with(data.as(data.schoolAdmin(data.school())))).andExpect(status().isNotFound());
		long guardianId = data.guardian(school, "Иванова", "Мария", ivanov);
		Account guardian = data.account("Иванова Мария", TestData.grant(Role.GUARDIAN, school, guardianId));
		mvc.perform(get("/journal/class/" + fiveA).with(data.as(guardian))).andExpect(status().isForbidden());
		mvc.perform(get("/journal/class").with(data.as(classTeacher)))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void theOverviewRunsTheSameStatementsForABigClassAndStaysWithinTheBudget() throws Exception {
		long m1 = lesson(math, teacherId, 3, 1);
		cell(m1, ivanov, null, "4");
		mvc.perform(get("/journal/class/" + fiveA).with(data.as(classTeacher))).andExpect(status().isOk());
		int small = StatementCounter.count(() -> mvc.perform(get("/journal/class/" + fiveA).with(data.as(classTeacher)))
			.andExpect(status().isOk()));
		// 30 students × 15 subjects, 4 lessons of each subject with marks and some absences
		List<Long> students = new ArrayList<>(List.of(ivanov, petrova, sidorov));
		for (int i = 0; i < 27; i++) {
			students.add(data.student(school, fiveA, "Ученик" + i, "Имя" + i));
		}
		enrolFromPeriodStart();
		for (int s = 0; s < 15; s++) {
			long subject = s == 0 ? math : data.subject(school, "Предмет номер " + s);
			if (s > 0) {
				data.assign(teacherId, subject, fiveA);
			}
			for (int k = 0; k < 4; k++) {
				long l = lesson(subject, teacherId, 2 + k * 7 + (s % 5), 1 + s % 7);
				for (int i = 0; i < students.size(); i++) {
					cell(l, students.get(i), (i + k + s) % 13 == 0 ? "N" : null, String.valueOf(2 + (i + k + s) % 4));
				}
			}
		}
		int big = StatementCounter.count(() -> mvc.perform(get("/journal/class/" + fiveA).with(data.as(classTeacher)))
			.andExpect(status().isOk()));
		assertThat(big).isEqualTo(small).isLessThanOrEqualTo(15);
		byte[] html = mvc.perform(get("/journal/class/" + fiveA).with(data.as(classTeacher))).andReturn().getResponse()
			.getContentAsByteArray();
		ByteArrayOutputStream gz = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
			out.write(html);
		}
		assertThat(gz.size()).as("gzipped overview of 30 × 15").isLessThanOrEqualTo(15 * 1024);
	}

	// ---- absence reasons -------------------------------------------------------------------------

	@Test
	void theClassTeacherTurnsAbsencesIntoExcusedWithTheReasonThroughVersionsAndHistory() throws Exception {
		long r1 = lesson(russian, otherTeacherId, 5, 2);
		long r2 = lesson(russian, otherTeacherId, 4, 2);
		long r3 = lesson(russian, otherTeacherId, 2, 2);
		cell(r1, sidorov, "N");
		cell(r2, sidorov, "N");
		cell(r3, sidorov, "N");
		cell(r2, petrova, "N");
		mvc.perform(post("/journal/class/" + fiveA + "/absence").with(data.as(classTeacher)).with(csrf())
			.param("student", "" + sidorov).param("from", today.minusDays(5).toString()).param("to", today.minusDays(3).toString())
			.param("kind", "B").param("source", "STATEMENT").param("reason", "Заявление матери: ОРВИ"))
			.andExpect(status().is3xxRedirection());
		assertThat(db.sql("select attendance || ':' || version from gradebook_cell where student_id = :s order by lesson_id")
			.param("s", sidorov).query(String.class).list()).containsExactly("B:2", "B:2", "N:1");
		assertThat(db.sql("select attendance from gradebook_cell where student_id = :s").param("s", petrova)
			.query(String.class).single()).isEqualTo("N");
		assertThat(db.sql("""
				select old_value || '>' || new_value || ':' || reason from gradebook_mark_history
				where student_id = :s and kind = 'ATTENDANCE'""").param("s", sidorov).query(String.class).list())
			.containsExactly("N>B:Заявление матери: ОРВИ", "N>B:Заявление матери: ОРВИ");
		assertThat(events.stream(AbsenceReasonRecorded.class)).singleElement()
			.matches(e -> e.studentId() == sidorov && e.lessons() == 2 && e.kind() == Attendance.B);
		// nothing left to change on those days: a message, nothing recorded
		String html = body(mvc.perform(post("/journal/class/" + fiveA + "/absence").with(data.as(classTeacher)).with(csrf())
			.param("student", "" + sidorov).param("from", today.minusDays(5).toString()).param("to", today.minusDays(3).toString())
			.param("kind", "UP").param("source", "NOTE").param("reason", "Записка")).andExpect(status().isOk()));
		assertThat(html).contains("role=\"alert\"");
		assertThat(db.sql("select count(*) from gradebook_absence_reason where student_id = :s").param("s", sidorov)
			.query(Long.class).single()).isOne();
	}

	@Test
	void absenceReasonsAreRefusedForOtherClassesOtherTeachersClosedPeriodsAndBadInput() throws Exception {
		long r1 = lesson(russian, otherTeacherId, 5, 2);
		cell(r1, sidorov, "N");
		long b1 = data.lesson(school, fiveB, null, russian, otherTeacherId, today.minusDays(5), 3);
		cell(b1, stranger, "N");
		String from = today.minusDays(6).toString();
		String to = today.toString();
		// a student of another class, the other class itself, a teacher who is not the class teacher, the admin
		mvc.perform(post("/journal/class/" + fiveA + "/absence").with(data.as(classTeacher)).with(csrf())
			.param("student", "" + stranger).param("from", from).param("to", to).param("kind", "UP").param("reason", "Записка"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/journal/class/" + fiveB + "/absence").with(data.as(classTeacher)).with(csrf())
			.param("student", "" + stranger).param("from", from).param("to", to).param("kind", "UP").param("reason", "Записка"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/journal/class/" + fiveA + "/absence").with(data.as(otherTeacher)).with(csrf())
			.param("student", "" + sidorov).param("from", from).param("to", to).param("kind", "UP").param("reason", "Записка"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/journal/class/" + fiveA + "/absence").with(data.as(admin)).with(csrf())
			.param("student", "" + sidorov).param("from", from).param("to", to).param("kind", "UP").param("reason", "Записка"))
			.andExpect(status().isForbidden());
		// bad input: no reason, the future, a letter that is no reason
		for (String[] bad : List.of(new String[] { "UP", "", to }, new String[] { "UP", "Записка", today.plusDays(3).toString() },
				new String[] { "OP", "Записка", to }, new String[] { "UP", "Записка", "завтра" })) {
			assertThat(body(mvc.perform(post("/journal/class/" + fiveA + "/absence").with(data.as(classTeacher)).with(csrf())
				.param("student", "" + sidorov).param("from", from).param("to", bad[2]).param("kind", bad[0])
				.param("reason", bad[1])).andExpect(status().isOk()))).contains("role=\"alert\"");
		}
		// a closed period
		db.sql("insert into gradebook_period_closure (period_id, institution_id, closed_by, closed_at) values (:p, :i, 1, current_timestamp)")
			.param("p", quarter).param("i", school.id()).update();
		String html = body(mvc.perform(post("/journal/class/" + fiveA + "/absence").with(data.as(classTeacher)).with(csrf())
			.param("student", "" + sidorov).param("from", from).param("to", to).param("kind", "UP").param("reason", "Записка"))
			.andExpect(status().isOk()));
		assertThat(html).contains("role=\"alert\"");
		assertThat(db.sql("select attendance from gradebook_cell where student_id in (:s)").param("s", List.of(sidorov, stranger))
			.query(String.class).list()).containsExactly("N", "N");
		assertThat(events.stream(AbsenceReasonRecorded.class)).isEmpty();
	}

	// ---- the journal-keeping monitor -------------------------------------------------------------

	@Test
	void theMonitorShowsEachTeachersGapsWorstFirstScopedToTheSchoolInConstantStatements() throws Exception {
		long m1 = lesson(math, teacherId, 3, 1);
		long m2 = lesson(math, teacherId, 2, 1);
		long r1 = lesson(russian, otherTeacherId, 3, 2);
		long r2 = lesson(russian, otherTeacherId, 2, 2);
		data.lesson(school, fiveA, null, russian, otherTeacherId, today.plusDays(2), 2); // not held yet
		for (long l : List.of(m1, m2)) {
			db.sql("insert into gradebook_lesson (lesson_id, institution_id, topic, updated_by, updated_at) values (:l, :i, 'Дроби', 1, current_timestamp)")
				.param("l", l).param("i", school.id()).update();
			cell(l, ivanov, null, "5");
		}
		cell(r1, ivanov, "N");
		int small = StatementCounter.count(() -> mvc.perform(get("/admin/journal-monitor").with(data.as(admin)))
			.andExpect(status().isOk()));
		String html = body(mvc.perform(get("/admin/journal-monitor").with(data.as(admin))));
		String table = html.substring(html.indexOf("<tbody>"));
		// Орлова: 2 held, 2 without topic, 1 without entries, 0 %; Смирнова: 2 held, all kept, 100 %
		assertThat(table.indexOf("Орлова")).isLessThan(table.indexOf("Смирнова"));
		assertThat(table).contains("<td>2</td><td>2</td><td>1</td><td>0 %</td>", "<td>2</td><td>0</td><td>0</td><td>100 %</td>")
			.contains("/journal/" + fiveA + "/" + russian);
		for (int i = 0; i < 10; i++) {
			long t = data.staff(school, "Учитель" + i, "Имя", "TEACHER");
			long l = lesson(math, t, 1 + i % 5, 3 + i % 4);
			cell(l, petrova, null, "4");
		}
		int big = StatementCounter.count(() -> mvc.perform(get("/admin/journal-monitor").with(data.as(admin)))
			.andExpect(status().isOk()));
		assertThat(big).isEqualTo(small);
		// another school's admin sees none of it; teachers have no access
		String foreign = body(mvc.perform(get("/admin/journal-monitor").with(data.as(data.schoolAdmin(data.school()))))
			.andExpect(status().isOk()));
		assertThat(foreign).doesNotContain("Орлова", "Смирнова");
		mvc.perform(get("/admin/journal-monitor").with(data.as(classTeacher))).andExpect(status().isForbidden());
	}
}
