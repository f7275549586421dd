package ru.eschool.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.eschool.EschoolTest;
import ru.eschool.StatementCounter;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/**
 * The teacher's journal over HTTP: cell edits with their history and events, refused input,
 * closed periods, stale versions, period marks, scoping, and the grid's statements and size.
 */
@EschoolTest
@RecordApplicationEvents
@Import(StatementCounter.class)
class JournalTests {

	static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired ApplicationEvents events;

	School school;
	long fiveA;
	long math;
	long teacherId;
	Account teacher;
	long quarter;
	long ivanov;
	long petrova;
	long lesson1;
	long lesson2;

	@BeforeEach
	void setUp() {
		school = data.school();
		fiveA = data.schoolClass(school, 5, "А");
		math = data.subject(school, "Математика");
		teacherId = data.staff(school, "Смирнова", "Ольга", "TEACHER");
		teacher = data.account("Смирнова Ольга", TestData.grant(Role.TEACHER, school, teacherId));
		data.assign(teacherId, math, fiveA);
		quarter = data.studyPeriod(school, 1, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 25));
		ivanov = data.student(school, fiveA, "Иванов", "Пётр");
		petrova = data.student(school, fiveA, "Петрова", "Анна");
		lesson1 = data.lesson(school, fiveA, null, math, teacherId, MONDAY, 1);
		lesson2 = data.lesson(school, fiveA, null, math, teacherId, MONDAY.plusDays(1), 2);
	}

	MockHttpServletRequestBuilder cell(Account who, long lesson, long student, int version, String typed) {
		return post("/journal/cell").with(data.as(who)).with(csrf()).header("HX-Request", "true")
			.param("c", lesson + "." + student + "." + version).param("v", typed);
	}

	List<String> marks(long lesson, long student) {
		return db.sql("select mark_value from gradebook_mark where lesson_id = :l and student_id = :s order by position")
			.param("l", lesson).param("s", student).query(String.class).list();
	}

	long history(long student) {
		return db.sql("select count(*) from gradebook_mark_history where student_id = :s").param("s", student)
			.query(Long.class).single();
	}

	@Test
	void aTeacherTypesSeveralMarksAndALetterInACellAndGetsOnlyThatCellBack() throws Exception {
		String body = mvc.perform(cell(teacher, lesson1, ivanov, 0, "5 4 н")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).startsWith("<td").contains("value=\"5 4 н\"").contains(lesson1 + "." + ivanov + ".1")
			.doesNotContain("<html");
		assertThat(marks(lesson1, ivanov)).containsExactly("5", "4");
		assertThat(db.sql("select attendance from gradebook_cell where lesson_id = :l and student_id = :s")
			.param("l", lesson1).param("s", ivanov).query(String.class).single()).isEqualTo("N");
		assertThat(events.stream(MarkPosted.class)).hasSize(2).allMatch(e -> e.studentId() == ivanov && e.subjectId() == math);
		assertThat(events.stream(AbsenceRecorded.class)).singleElement()
			.matches(e -> e.kind() == Attendance.N && e.lessonDate().equals(MONDAY));
		assertThat(history(ivanov)).isEqualTo(2);
	}

	@Test
	void anEditReadsInThreeStatementsAndAnswersWithTheCellAsWritten() throws Exception {
		// the first edit of a school creates its types of work; the count is of an ordinary edit
		mvc.perform(cell(teacher, lesson2, petrova, 0, "4")).andExpect(status().isOk());
		String[] body = new String[1];
		int statements = StatementCounter.count(() -> body[0] = mvc.perform(cell(teacher, lesson1, ivanov, 0, "5 4к н"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		// the test's sign-in reads the account's roles (a real request has them in its session); the
		// lesson, then the school's class, subject, pupil and period in one read and the gradebook's
		// context in one; then the cell, two marks, their two history rows, and the two marks' and the
		// absence's events
		assertThat(statements).isEqualTo(1 + 3 + 1 + 2 + 2 + 3);
		assertThat(body[0]).contains("value=\"5 4к н\"").contains(lesson1 + "." + ivanov + ".1");
		// the answer is built from what was written, not read again; a stale edit reads the stored version
		String reread = mvc.perform(cell(teacher, lesson1, ivanov, 0, "3")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(reread).as("a stale edit keeps what was typed, with the stored version").contains("role=\"alert\"")
			.contains("value=\"3\"").contains(lesson1 + "." + ivanov + ".1");
		assertThat(marks(lesson1, ivanov)).containsExactly("5", "4");
		// a change answers with the next version and what it left
		assertThat(mvc.perform(cell(teacher, lesson1, ivanov, 1, "5 н")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("value=\"5 н\"").contains(lesson1 + "." + ivanov + ".2");
		assertThat(marks(lesson1, ivanov)).containsExactly("5");
	}

	@Test
	void changingAndDeletingMarksKeepsTheOldValueWhoWhenAndWhy() throws Exception {
		mvc.perform(cell(teacher, lesson1, ivanov, 0, "5 4"));
		mvc.perform(cell(teacher, lesson1, ivanov, 1, "5 3").param("why", "Ошибка ввода")).andExpect(status().isOk());
		assertThat(marks(lesson1, ivanov)).containsExactly("5", "3");
		assertThat(db.sql("""
				select old_value || '>' || new_value || ':' || reason || ':' || changed_by from gradebook_mark_history
				where student_id = :s and old_value is not null""").param("s", ivanov).query(String.class).list())
			.containsExactly("4>3:Ошибка ввода:" + teacher.id());
		assertThat(events.stream(MarkChanged.class)).singleElement().matches(e -> e.oldValue().equals("4") && "3".equals(e.newValue()));
		mvc.perform(cell(teacher, lesson1, ivanov, 2, "")).andExpect(status().isOk());
		assertThat(marks(lesson1, ivanov)).isEmpty();
		assertThat(history(ivanov)).isEqualTo(5);
		assertThat(events.stream(MarkChanged.class).filter(e -> e.newValue() == null)).hasSize(2);
	}

	@Test
	void aMarkOutsideTheAllowedSetIsRefusedWithAMessageAndNothingChanges() throws Exception {
		for (String bad : List.of("6", "1", "зч", "5 н б", "отл", "5 5 5 5 5")) {
			mvc.perform(cell(teacher, lesson1, ivanov, 0, bad)).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("role=\"alert\"")));
		}
		assertThat(marks(lesson1, ivanov)).isEmpty();
		assertThat(history(ivanov)).isZero();
		assertThat(events.stream(MarkPosted.class)).isEmpty();
		// a school that allows 1
		db.sql("insert into gradebook_settings (institution_id, allow_one) values (:i, true)").param("i", school.id()).update();
		mvc.perform(cell(teacher, lesson1, ivanov, 0, "1"));
		assertThat(marks(lesson1, ivanov)).containsExactly("1");
	}

	@Test
	void aPassFailSubjectTakesOnlyPassOrFail() throws Exception {
		long art = data.subject(school, "ИЗО");
		db.sql("update school_subject set pass_fail = true where id = :id").param("id", art).update();
		data.assign(teacherId, art, fiveA);
		long lesson = data.lesson(school, fiveA, null, art, teacherId, MONDAY, 5);
		mvc.perform(cell(teacher, lesson, ivanov, 0, "5"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("role=\"alert\"")));
		mvc.perform(cell(teacher, lesson, ivanov, 0, "зч"));
		mvc.perform(cell(teacher, lesson, petrova, 0, "нз"));
		assertThat(marks(lesson, ivanov)).containsExactly("P");
		assertThat(marks(lesson, petrova)).containsExactly("F");
	}

	@Test
	void aStudentNotInTheClassOnTheLessonDateIsRefused() throws Exception {
		long fiveB = data.schoolClass(school, 5, "Б");
		long other = data.student(school, fiveB, "Сидоров", "Олег");
		School foreignSchool = data.school();
		long foreign = data.student(foreignSchool, data.schoolClass(foreignSchool, 5, "А"), "Чужой", "Ученик");
		long leaver = data.student(school, fiveA, "Ушедший", "Ученик");
		db.sql("update school_enrolment set left_on = :d where student_id = :s").param("d", MONDAY).param("s", leaver).update();
		for (long student : List.of(other, foreign, leaver)) {
			mvc.perform(cell(teacher, lesson1, student, 0, "5")).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("role=\"alert\"")));
			assertThat(marks(lesson1, student)).isEmpty();
		}
	}

	@Test
	void aStaleEditIsRefusedAndTheOtherTeachersMarkStays() throws Exception {
		long subId = data.staff(school, "Заменяющая", "Анна", "TEACHER");
		Account substitute = data.account("Заменяющая Анна", TestData.grant(Role.TEACHER, school, subId));
		db.sql("update timetable_lesson set substitute_id = :s where id = :l").param("s", subId).param("l", lesson1).update();
		mvc.perform(cell(substitute, lesson1, ivanov, 0, "4")).andExpect(status().isOk());
		String body = mvc.perform(cell(teacher, lesson1, ivanov, 0, "5")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("role=\"alert\"").contains(lesson1 + "." + ivanov + ".1");
		assertThat(marks(lesson1, ivanov)).containsExactly("4");
		// the substitute edits only the lesson they teach
		mvc.perform(cell(substitute, lesson2, ivanov, 0, "4")).andExpect(status().isNotFound());
		assertThat(marks(lesson2, ivanov)).isEmpty();
	}

	@Test
	void aClosedPeriodRefusesEditsUntilTheAdminReopensIt() throws Exception {
		Account admin = data.schoolAdmin(school);
		mvc.perform(post("/admin/gradebook/periods/" + quarter + "/close").with(data.as(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(cell(teacher, lesson1, ivanov, 0, "5"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("role=\"alert\"")));
		assertThat(marks(lesson1, ivanov)).isEmpty();
		mvc.perform(post("/journal/lesson/" + lesson1).with(data.as(teacher)).with(csrf()).param("topic", "Дроби"));
		assertThat(db.sql("select count(*) from gradebook_lesson where lesson_id = :l").param("l", lesson1)
			.query(Long.class).single()).isZero();
		mvc.perform(post("/admin/gradebook/periods/" + quarter + "/reopen").with(data.as(admin)).with(csrf()));
		mvc.perform(cell(teacher, lesson1, ivanov, 0, "5"));
		assertThat(marks(lesson1, ivanov)).containsExactly("5");
	}

	@Test
	void anotherSchoolsAdminCannotCloseThePeriod() throws Exception {
		Account foreignAdmin = data.schoolAdmin(data.school());
		mvc.perform(post("/admin/gradebook/periods/" + quarter + "/close").with(data.as(foreignAdmin)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(db.sql("select count(*) from gradebook_period_closure where period_id = :p").param("p", quarter)
			.query(Long.class).single()).isZero();
	}

	@Test
	void theJournalIsScopedToItsTeacherAndReadOnlyForTheSchoolAdmin() throws Exception {
		String grid = "/journal/" + fiveA + "/" + math;
		mvc.perform(get(grid).with(data.as(teacher))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("hx-post=\"/journal/cell\"")));
		long otherId = data.staff(school, "Другой", "Учитель", "TEACHER");
		Account other = data.account("Другой Учитель", TestData.grant(Role.TEACHER, school, otherId));
		mvc.perform(get(grid).with(data.as(other))).andExpect(status().isNotFound());
		mvc.perform(cell(other, lesson1, ivanov, 0, "2")).andExpect(status().isNotFound());
		long guardianId = data.guardian(school, "Иванова", "Мария", ivanov);
		Account guardian = data.account("Иванова Мария", TestData.grant(Role.GUARDIAN, school, guardianId));
		mvc.perform(get("/journal").with(data.as(guardian))).andExpect(status().isForbidden());
		mvc.perform(get(grid).with(data.as(guardian))).andExpect(status().isForbidden());
		Account admin = data.schoolAdmin(school);
		mvc.perform(get(grid).with(data.as(admin))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("hx-post"))));
		mvc.perform(cell(admin, lesson1, ivanov, 0, "5")).andExpect(status().isForbidden());
		Account foreignAdmin = data.schoolAdmin(data.school());
		mvc.perform(get(grid).with(data.as(foreignAdmin))).andExpect(status().isNotFound());
		assertThat(marks(lesson1, ivanov)).isEmpty();
		mvc.perform(get("/journal").with(data.as(teacher))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(grid)));
	}

	@Test
	void thePeriodMarkIsProposedConfirmedAndOverriddenOnlyWithAReason() throws Exception {
		mvc.perform(cell(teacher, lesson1, ivanov, 0, "5 4"));
		mvc.perform(cell(teacher, lesson2, ivanov, 0, "5"));
		String page = mvc.perform(get("/journal/" + fiveA + "/" + math).with(data.as(teacher))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("4,67");
		String url = "/journal/" + fiveA + "/" + math + "/period-mark";
		mvc.perform(post(url).with(data.as(teacher)).with(csrf()).param("period", String.valueOf(quarter))
			.param("student", String.valueOf(ivanov)).param("n", "0").param("v", "4"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("role=\"alert\"")));
		assertThat(db.sql("select count(*) from gradebook_period_mark where student_id = :s").param("s", ivanov)
			.query(Long.class).single()).isZero();
		mvc.perform(post(url).with(data.as(teacher)).with(csrf()).param("period", String.valueOf(quarter))
			.param("student", String.valueOf(ivanov)).param("n", "0").param("v", "5")).andExpect(status().isOk());
		mvc.perform(post(url).with(data.as(teacher)).with(csrf()).param("period", String.valueOf(quarter))
			.param("student", String.valueOf(ivanov)).param("n", "1").param("v", "4").param("why", "Не сдал зачёт по теме"))
			.andExpect(status().isOk());
		assertThat(db.sql("select mark_value || ':' || proposed || ':' || reason from gradebook_period_mark where student_id = :s")
			.param("s", ivanov).query(String.class).single()).isEqualTo("4:5:Не сдал зачёт по теме");
		assertThat(db.sql("select count(*) from gradebook_mark_history where kind = 'PERIOD' and student_id = :s")
			.param("s", ivanov).query(Long.class).single()).isEqualTo(2);
		assertThat(events.stream(PeriodMarkSet.class)).hasSize(2);
		// an empty period gives no proposal: Petrova has no marks
		mvc.perform(post(url).with(data.as(teacher)).with(csrf()).param("period", String.valueOf(quarter))
			.param("student", String.valueOf(petrova)).param("n", "0").param("v", "3"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("role=\"alert\"")));
	}

	@Test
	void aTopicAndTheColumnsTypeOfWorkAreSavedAndWeighTheNewMarks() throws Exception {
		mvc.perform(get("/journal/lesson/" + lesson1).with(data.as(teacher))).andExpect(status().isOk());
		long test = db.sql("select id from gradebook_work_type where institution_id = :i and weight = 3")
			.param("i", school.id()).query(Long.class).single();
		mvc.perform(post("/journal/lesson/" + lesson1).with(data.as(teacher)).with(csrf()).param("topic", "Дроби")
			.param("note", "Повторить").param("workType", String.valueOf(test))).andExpect(status().is3xxRedirection());
		mvc.perform(cell(teacher, lesson1, ivanov, 0, "5"));
		assertThat(events.stream(MarkPosted.class)).singleElement().matches(e -> e.weight() == 3 && e.workTypeId() == test);
		assertThat(db.sql("select topic from gradebook_lesson where lesson_id = :l").param("l", lesson1).query(String.class)
			.single()).isEqualTo("Дроби");
	}

	@Test
	void theGridRunsAConstantNumberOfStatementsAndStaysWithinFifteenKilobytesAtThirtyByXixty() throws Exception {
		String grid = "/journal/" + fiveA + "/" + math;
		mvc.perform(get(grid).with(data.as(teacher))).andExpect(status().isOk());
		int small = StatementCounter.count(() -> mvc.perform(get(grid).with(data.as(teacher))).andExpect(status().isOk()));
		for (int i = 0; i < 28; i++) {
			data.student(school, fiveA, "Ученик" + i, "Имя" + i);
		}
		java.util.Random r = new java.util.Random(7);
		LocalDate day = MONDAY.plusDays(2);
		List<Long> students = db.sql("select student_id from school_enrolment where class_id = :c").param("c", fiveA)
			.query(Long.class).list();
		for (int i = 0; i < 58; i++) {
			while (day.getDayOfWeek().getValue() > 6) {
				day = day.plusDays(1);
			}
			long lesson = data.lesson(school, fiveA, null, math, teacherId, day, 1 + i % 6);
			for (long s : students) {
				if (r.nextInt(3) == 0) {
					mvc.perform(cell(teacher, lesson, s, 0, String.valueOf(2 + r.nextInt(4))));
				}
			}
			if (i % 6 == 5) {
				day = day.plusDays(1);
			}
		}
		byte[][] body = new byte[1][];
		int big = StatementCounter.count(() -> body[0] = mvc.perform(get(grid).with(data.as(teacher)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(big).as("statements for 30 × 60").isEqualTo(small);
		ByteArrayOutputStream gz = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
			out.write(body[0]);
		}
		String html = new String(body[0], StandardCharsets.UTF_8);
		assertThat(html.split("hx-post=\"/journal/cell\"", -1).length - 1).isEqualTo(30 * 60);
		assertThat(gz.size()).as("gzipped bytes of the 30 × 60 grid").isLessThan(15 * 1024);
	}
}
