package ru.eschool.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import ru.eschool.EschoolTest;
import ru.eschool.StatementCounter;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.gradebook.YearMarkSet.Kind;
import ru.eschool.shared.Role;

/**
 * Annual and final marks: proposed from the period marks (the final from the annual), confirmed or
 * overridden only with a reason, kept in the history, refused for bad input, a student not in the
 * class and a closed year; shown in the journal's year view, the class teacher's overview, the
 * family's progress page and the report card.
 */
@EschoolTest
@RecordApplicationEvents
@Import(StatementCounter.class)
class YearMarksTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired ApplicationEvents events;

	School school;
	long nineA;
	long fiveA;
	long math;
	long teacherId;
	Account teacher;
	long q1;
	long q2;
	long ivanov;
	long petrova;
	long fifthGrader;

	@BeforeEach
	void setUp() {
		school = data.school();
		nineA = data.schoolClass(school, 9, "А");
		fiveA = data.schoolClass(school, 5, "А");
		math = data.subject(school, "Математика");
		teacherId = data.staff(school, "Смирнова", "Ольга", "TEACHER");
		teacher = data.account("Смирнова Ольга", TestData.grant(Role.TEACHER, school, teacherId));
		data.assign(teacherId, math, nineA);
		data.assign(teacherId, math, fiveA);
		q1 = data.studyPeriod(school, 1, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 28));
		q2 = data.studyPeriod(school, 2, LocalDate.of(2027, 1, 11), LocalDate.of(2027, 5, 31));
		ivanov = data.student(school, nineA, "Иванов", "Пётр");
		petrova = data.student(school, nineA, "Петрова", "Анна");
		fifthGrader = data.student(school, fiveA, "Сидоров", "Ваня");
		// 5 and 4: mean 4.50, a 5 by the default rule
		data.periodMark(school, nineA, math, ivanov, q1, "5");
		data.periodMark(school, nineA, math, ivanov, q2, "4");
	}

	MockHttpServletRequestBuilder set(Account who, long classId, Kind kind, long student, int version, String typed,
			String why) {
		MockHttpServletRequestBuilder b = post("/journal/" + classId + "/" + math + "/year-mark").with(data.as(who))
			.with(csrf()).header("HX-Request", "true").param("kind", kind.name())
			.param("student", String.valueOf(student)).param("n", String.valueOf(version)).param("v", typed);
		return why == null ? b : b.param("why", why);
	}

	String body(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	String stored(long student, Kind kind) {
		return db.sql("""
				select mark_value || ':' || coalesce(proposed, '-') || ':' || coalesce(reason, '-') from gradebook_year_mark
				where student_id = :s and kind = :k""").param("s", student).param("k", kind.name()).query(String.class)
			.optional().orElse(null);
	}

	long yearHistory(long student) {
		return db.sql("select count(*) from gradebook_mark_history where kind in ('ANNUAL', 'FINAL') and student_id = :s")
			.param("s", student).query(Long.class).single();
	}

	@Test
	void theAnnualMarkIsProposedFromThePeriodMarksAndConfirmedOrOverriddenOnlyWithAReason() throws Exception {
		assertThat(body(get("/journal/" + nineA + "/" + math).with(data.as(teacher))))
			.contains("href=\"/journal/" + nineA + "/" + math + "/year\"");
		String page = body(get("/journal/" + nineA + "/" + math + "/year").with(data.as(teacher)));
		assertThat(page).contains("Годовая", "Итоговая", "Отметок за периоды: 2 из 2", "среднее: 4,5", "year-mark");
		assertThat(body(set(teacher, nineA, Kind.ANNUAL, ivanov, 0, "4", null))).contains("role=\"alert\"",
				"Укажите причину");
		assertThat(stored(ivanov, Kind.ANNUAL)).isNull();
		assertThat(body(set(teacher, nineA, Kind.ANNUAL, ivanov, 0, "5", null))).doesNotContain("role=\"alert\"")
			.contains("name=\"n\" value=\"1\"");
		assertThat(stored(ivanov, Kind.ANNUAL)).isEqualTo("5:5:-");
		body(set(teacher, nineA, Kind.ANNUAL, ivanov, 1, "4", "Не сдал годовую контрольную"));
		assertThat(stored(ivanov, Kind.ANNUAL)).isEqualTo("4:5:Не сдал годовую контрольную");
		assertThat(yearHistory(ivanov)).isEqualTo(2);
		assertThat(db.sql("""
				select old_value || '>' || new_value from gradebook_mark_history where kind = 'ANNUAL' and student_id = :s
				  and old_value is not null""").param("s", ivanov).query(String.class).single()).isEqualTo("5>4");
		assertThat(events.stream(YearMarkSet.class)).hasSize(2)
			.allMatch(e -> e.kind() == Kind.ANNUAL && e.studentId() == ivanov && e.classId() == nineA);
		// a stale version is refused and changes nothing
		assertThat(body(set(teacher, nineA, Kind.ANNUAL, ivanov, 1, "5", null))).contains("role=\"alert\"");
		assertThat(stored(ivanov, Kind.ANNUAL)).startsWith("4:");
		// no period marks, no proposal: any mark needs a reason
		assertThat(body(set(teacher, nineA, Kind.ANNUAL, petrova, 0, "3", null))).contains("role=\"alert\"");
		body(set(teacher, nineA, Kind.ANNUAL, petrova, 0, "3", "Аттестована по итогам собеседования"));
		assertThat(stored(petrova, Kind.ANNUAL)).isEqualTo("3:-:Аттестована по итогам собеседования");
	}

	@Test
	void theFinalMarkInGradeNineIsProposedFromTheAnnualAndOtherGradesHaveNone() throws Exception {
		assertThat(body(set(teacher, nineA, Kind.FINAL, ivanov, 0, "5", null))).contains("role=\"alert\"");
		body(set(teacher, nineA, Kind.ANNUAL, ivanov, 0, "5", null));
		assertThat(body(get("/journal/" + nineA + "/" + math + "/year").with(data.as(teacher))))
			.contains("Предложено по годовой отметке (5)");
		body(set(teacher, nineA, Kind.FINAL, ivanov, 0, "5", null));
		assertThat(stored(ivanov, Kind.FINAL)).isEqualTo("5:5:-");
		body(set(teacher, nineA, Kind.FINAL, ivanov, 1, "4", "Экзамен (ОГЭ) на 4"));
		assertThat(stored(ivanov, Kind.FINAL)).isEqualTo("4:5:Экзамен (ОГЭ) на 4");
		assertThat(events.stream(YearMarkSet.class).filter(e -> e.kind() == Kind.FINAL)).hasSize(2);
		// grade 5: no final column, a final mark is refused
		assertThat(body(get("/journal/" + fiveA + "/" + math + "/year").with(data.as(teacher)))).contains("Годовая")
			.doesNotContain("Итоговая");
		assertThat(body(set(teacher, fiveA, Kind.FINAL, fifthGrader, 0, "5", "причина")))
			.contains("только в 9 и 11 классах");
		assertThat(stored(fifthGrader, Kind.FINAL)).isNull();
	}

	@Test
	void badInputIsRefusedWithAMessageAndChangesNothing() throws Exception {
		assertThat(body(set(teacher, nineA, Kind.ANNUAL, ivanov, 0, "6", "x"))).contains("не оценка");
		assertThat(body(set(teacher, nineA, Kind.ANNUAL, ivanov, 0, "1", "x"))).contains("от 2 до 5");
		assertThat(body(set(teacher, nineA, Kind.ANNUAL, ivanov, 0, "зч", "x"))).contains("от 2 до 5");
		assertThat(body(set(teacher, nineA, Kind.ANNUAL, ivanov, 0, "", "x"))).contains("role=\"alert\"");
		assertThat(body(set(teacher, nineA, Kind.ANNUAL, ivanov, 0, "5", "x".repeat(301)))).contains("не длиннее 300");
		// a student of another class, and one of another school
		assertThat(body(set(teacher, nineA, Kind.ANNUAL, fifthGrader, 0, "5", null))).contains("не учился в классе");
		School other = data.school();
		long foreign = data.student(other, data.schoolClass(other, 9, "А"), "Чужой", "Ученик");
		assertThat(body(set(teacher, nineA, Kind.ANNUAL, foreign, 0, "5", null))).contains("не учился в классе");
		mvc.perform(set(teacher, nineA, Kind.ANNUAL, ivanov, 0, "5", null).param("kind", "YEARLY"));
		// scoped to this test's students: other tests of the shared database set year marks too
		assertThat(db.sql("select count(*) from gradebook_year_mark where student_id in (:s)")
			.param("s", java.util.List.of(ivanov, fifthGrader, foreign)).query(Long.class).single()).isZero();
		assertThat(yearHistory(ivanov) + yearHistory(fifthGrader) + yearHistory(foreign)).isZero();
		assertThat(events.stream(YearMarkSet.class)).isEmpty();
	}

	@Test
	void theYearIsScopedToTheAssignedTeacherAndReadOnlyForTheAdmin() throws Exception {
		String year = "/journal/" + nineA + "/" + math + "/year";
		long otherId = data.staff(school, "Другой", "Учитель", "TEACHER");
		Account other = data.account("Другой Учитель", TestData.grant(Role.TEACHER, school, otherId));
		mvc.perform(get(year).with(data.as(other))).andExpect(status().isNotFound());
		mvc.perform(set(other, nineA, Kind.ANNUAL, ivanov, 0, "5", null)).andExpect(status().isNotFound());
		Account admin = data.schoolAdmin(school);
		assertThat(body(get(year).with(data.as(admin)))).doesNotContain("hx-post");
		mvc.perform(set(admin, nineA, Kind.ANNUAL, ivanov, 0, "5", null)).andExpect(status().isForbidden());
		Account foreignAdmin = data.schoolAdmin(data.school());
		mvc.perform(get(year).with(data.as(foreignAdmin))).andExpect(status().isNotFound());
		long guardianId = data.guardian(school, "Иванова", "Мария", ivanov);
		Account guardian = data.account("Иванова Мария", TestData.grant(Role.GUARDIAN, school, guardianId));
		mvc.perform(get(year).with(data.as(guardian))).andExpect(status().isForbidden());
		assertThat(stored(ivanov, Kind.ANNUAL)).isNull();
	}

	@Test
	void closingTheLastPeriodClosesTheYearUntilTheAdminReopensIt() throws Exception {
		Account admin = data.schoolAdmin(school);
		mvc.perform(post("/admin/gradebook/periods/" + q1 + "/close").with(data.as(admin)).with(csrf()));
		body(set(teacher, nineA, Kind.ANNUAL, ivanov, 0, "5", null));
		assertThat(stored(ivanov, Kind.ANNUAL)).isEqualTo("5:5:-");
		mvc.perform(post("/admin/gradebook/periods/" + q2 + "/close").with(data.as(admin)).with(csrf()));
		assertThat(body(set(teacher, nineA, Kind.ANNUAL, ivanov, 1, "4", "причина"))).contains("Учебный год закрыт");
		assertThat(body(get("/journal/" + nineA + "/" + math + "/year").with(data.as(teacher)))).contains("Учебный год закрыт")
			.doesNotContain("hx-post");
		assertThat(stored(ivanov, Kind.ANNUAL)).isEqualTo("5:5:-");
		mvc.perform(post("/admin/gradebook/periods/" + q2 + "/reopen").with(data.as(admin)).with(csrf()));
		body(set(teacher, nineA, Kind.ANNUAL, ivanov, 1, "4", "причина"));
		assertThat(stored(ivanov, Kind.ANNUAL)).startsWith("4:");
	}

	@Test
	void theFamilyTheClassTeacherAndTheReportCardSeeTheAnnualAndFinalMarks() throws Exception {
		long lesson = data.lesson(school, nineA, null, math, teacherId, LocalDate.of(2027, 1, 12), 1);
		long answer = data.workType(school, "Ответ", 1);
		data.journalCell(school, lesson, ivanov, null, answer, "5");
		body(set(teacher, nineA, Kind.ANNUAL, ivanov, 0, "5", null));
		body(set(teacher, nineA, Kind.FINAL, ivanov, 0, "4", "Экзамен на 4"));
		Account pupil = data.account("Иванов Пётр", TestData.grant(Role.STUDENT, school, ivanov));
		String progress = body(get("/diary/progress?period=" + q2).with(data.as(pupil)));
		assertThat(progress.replaceAll("\\s+", " ")).contains("Годовая</dt><dd><strong class=\"mark\">5")
			.contains("Итоговая</dt><dd><strong class=\"mark\">4");
		byte[] pdf = mvc.perform(get("/diary/" + ivanov + "/report.pdf?period=" + q2).with(data.as(pupil)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1).replaceAll("\\s+", " ");
		assertThat(text).contains("Годовая", "Итоговая", "Математика 4 5 4 0 0");
		db.sql("update school_class set class_teacher_id = :t where id = :c").param("t", teacherId).param("c", nineA).update();
		String overview = body(get("/journal/class/" + nineA + "?period=" + q2).with(data.as(teacher)));
		assertThat(overview).contains("Годовые отметки", "(4)");
		// the other student of the class sees none of it
		Account petrovaAccount = data.account("Петрова Анна", TestData.grant(Role.STUDENT, school, petrova));
		assertThat(body(get("/diary/progress?period=" + q2).with(data.as(petrovaAccount)))).doesNotContain("Годовая</dt>");
	}

	@Test
	void theYearViewRunsAConstantNumberOfStatements() throws Exception {
		String year = "/journal/" + nineA + "/" + math + "/year";
		body(get(year).with(data.as(teacher)));
		int small = StatementCounter.count(() -> body(get(year).with(data.as(teacher))));
		for (int i = 0; i < 28; i++) {
			long s = data.student(school, nineA, "Ученик" + i, "Имя" + i);
			data.periodMark(school, nineA, math, s, q1, String.valueOf(2 + i % 4));
			data.periodMark(school, nineA, math, s, q2, String.valueOf(2 + (i + 1) % 4));
		}
		int big = StatementCounter.count(() -> body(get(year).with(data.as(teacher))));
		assertThat(big).isEqualTo(small);
	}

	@Test
	void nobodyButTheAssignedTeacherOfTheStudentsGroupSetsAYearMark() throws Exception {
		// another school's teacher, a teacher of the class in another subject, the student, a guardian
		School other = data.school();
		Account foreign = data.account("Чужая Учительница", TestData.grant(Role.TEACHER, other,
				data.staff(other, "Чужая", "Учительница", "TEACHER")));
		mvc.perform(set(foreign, nineA, Kind.ANNUAL, ivanov, 0, "5", null)).andExpect(status().isNotFound());
		long physicsTeacher = data.staff(school, "Физикова", "Нина", "TEACHER");
		data.assign(physicsTeacher, data.subject(school, "Физика"), nineA);
		Account physics = data.account("Физикова Нина", TestData.grant(Role.TEACHER, school, physicsTeacher));
		mvc.perform(set(physics, nineA, Kind.ANNUAL, ivanov, 0, "5", null)).andExpect(status().isNotFound());
		Account pupil = data.account("Иванов Пётр", TestData.grant(Role.STUDENT, school, ivanov));
		mvc.perform(set(pupil, nineA, Kind.ANNUAL, ivanov, 0, "5", null)).andExpect(status().isForbidden());
		Account guardian = data.account("Иванова Мария", TestData.grant(Role.GUARDIAN, school,
				data.guardian(school, "Иванова", "Мария", ivanov)));
		mvc.perform(set(guardian, nineA, Kind.ANNUAL, ivanov, 0, "5", null)).andExpect(status().isForbidden());
		// the teacher of a group: not the other group's student, not the other group, not the whole class
		long first = data.classGroup(nineA, "1 группа");
		long second = data.classGroup(nineA, "2 группа");
		data.groupMember(first, ivanov);
		data.groupMember(second, petrova);
		long groupTeacher = data.staff(school, "Группова", "Зоя", "TEACHER");
		db.sql("insert into school_teaching_assignment (staff_id, subject_id, class_id, group_id) values (:s, :m, :c, :g)")
			.param("s", groupTeacher).param("m", math).param("c", nineA).param("g", first).update();
		Account group = data.account("Группова Зоя", TestData.grant(Role.TEACHER, school, groupTeacher));
		assertThat(body(set(group, nineA, Kind.ANNUAL, petrova, 0, "3", "причина").param("group", String.valueOf(first))))
			.contains("role=\"alert\"");
		mvc.perform(set(group, nineA, Kind.ANNUAL, petrova, 0, "3", "причина").param("group", String.valueOf(second)))
			.andExpect(status().isNotFound());
		mvc.perform(set(group, nineA, Kind.ANNUAL, ivanov, 0, "5", null)).andExpect(status().isNotFound());
		assertThat(db.sql("select count(*) from gradebook_year_mark where class_id = :c").param("c", nineA)
			.query(Long.class).single()).isZero();
		assertThat(yearHistory(ivanov) + yearHistory(petrova)).isZero();
		assertThat(events.stream(YearMarkSet.class)).isEmpty();
		// the group's own student is theirs to mark
		body(set(group, nineA, Kind.ANNUAL, ivanov, 0, "5", null).param("group", String.valueOf(first)));
		assertThat(stored(ivanov, Kind.ANNUAL)).isEqualTo("5:5:-");
	}

	@Test
	void everyChangeOfAYearMarkAppendsToTheHistoryAndEarlierRowsStayAsTheyWere() throws Exception {
		body(set(teacher, nineA, Kind.ANNUAL, ivanov, 0, "5", null));
		body(set(teacher, nineA, Kind.ANNUAL, ivanov, 1, "4", "Годовая контрольная на 3"));
		body(set(teacher, nineA, Kind.ANNUAL, ivanov, 2, "5", null));
		assertThat(db.sql("""
				select coalesce(old_value, '-') || '>' || new_value || ':' || coalesce(reason, '-') from gradebook_mark_history
				where kind = 'ANNUAL' and student_id = :s order by id""").param("s", ivanov).query(String.class).list())
			.containsExactly("->5:-", "5>4:Годовая контрольная на 3", "4>5:-");
		assertThat(db.sql("select count(distinct year_mark_id) from gradebook_mark_history where student_id = :s")
			.param("s", ivanov).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aStudentWhoMovedClassGetsTheYearsMarksOnlyInTheNewClassWithTheOldPeriodMarksCounted() throws Exception {
		long nineB = data.schoolClass(school, 9, "Б");
		data.assign(teacherId, math, nineB);
		long mover = data.student(school, nineA, "Кузнецов", "Олег");
		data.periodMark(school, nineA, math, mover, q1, "3");
		// moved to 9Б at the start of the second period
		LocalDate moved = LocalDate.of(2027, 1, 11);
		db.sql("update school_enrolment set left_on = :d, leave_reason = 'MOVED' where student_id = :s")
			.param("d", moved).param("s", mover).update();
		db.sql("insert into school_enrolment (student_id, class_id, joined_on, reason) values (:s, :c, :d, 'MOVED')")
			.param("s", mover).param("c", nineB).param("d", moved).update();
		data.periodMark(school, nineB, math, mover, q2, "4");

		// the old class: still listed with the period mark it set (not the new class's), marked as left, nothing to set
		String old = body(get("/journal/" + nineA + "/" + math + "/year").with(data.as(teacher)));
		assertThat(old).contains("Кузнецов", "выбыл(а) 11.01.2027", "ставит класс, в котором он заканчивает год");
		String oldRow = old.substring(old.indexOf("Кузнецов"), old.indexOf("</tr>", old.indexOf("Кузнецов")));
		assertThat(oldRow).contains("<td>3</td>").doesNotContain("<td>4</td>");
		assertThat(body(set(teacher, nineA, Kind.ANNUAL, mover, 0, "4", "Среднее 3,5"))).contains("role=\"alert\"",
				"Ученик выбыл из класса 11.01.2027");
		assertThat(stored(mover, Kind.ANNUAL)).isNull();

		// the new class: both period marks count (3 and 4: 3.50, a 4 by the default rule)
		String now = body(get("/journal/" + nineB + "/" + math + "/year").with(data.as(teacher)));
		assertThat(now).contains("Кузнецов", "Отметок за периоды: 2 из 2", "среднее: 3,5").doesNotContain("выбыл(а)");
		assertThat(body(set(teacher, nineB, Kind.ANNUAL, mover, 0, "4", null))).doesNotContain("role=\"alert\"");
		assertThat(stored(mover, Kind.ANNUAL)).isEqualTo("4:4:-");
		assertThat(db.sql("select class_id from gradebook_year_mark where student_id = :s").param("s", mover)
			.query(Long.class).list()).containsExactly(nineB);
	}
}
