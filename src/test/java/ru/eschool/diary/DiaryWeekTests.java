package ru.eschool.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.StatementCounter;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/**
 * The diary's week page: a student sees their own week, a guardian only linked children, staff
 * are refused; changes are highlighted with their reason; the page runs the same number of SQL
 * statements whatever the week holds and stays within 15 KB gzipped.
 */
@EschoolTest
@Import(StatementCounter.class)
class DiaryWeekTests {

	static final LocalDate MONDAY = LocalDate.of(2026, 10, 5);

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	/** Each header badge costs a full page one statement. */
	@Autowired java.util.List<ru.eschool.shared.web.HeaderBadge> badges;

	School school;
	long classA;
	long classB;
	long math;
	long teacherId;
	long child;
	long sibling;
	long stranger;
	Account guardian;
	Account pupil;
	Account teacher;

	@BeforeEach
	void setUp() {
		school = data.school();
		classA = data.schoolClass(school, 5, "А");
		classB = data.schoolClass(school, 2, "Б");
		math = data.subject(school, "Математика");
		teacherId = data.staff(school, "Учителева", "Анна", "TEACHER");
		data.assign(teacherId, math, classA);
		child = data.student(school, classA, "Петров", "Миша");
		sibling = data.student(school, classB, "Петрова", "Оля");
		stranger = data.student(school, classA, "Сидоров", "Ваня");
		guardian = data.account("Петрова Ирина",
				TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Петрова", "Ирина", child, sibling)));
		pupil = data.account("Петров Миша", TestData.grant(Role.STUDENT, school, child));
		teacher = data.account("Учителева Анна", TestData.grant(Role.TEACHER, school, teacherId));
	}

	@Test
	void aGuardianSeesEachLinkedChildButNotAnotherChild() throws Exception {
		data.lesson(school, classA, null, math, teacherId, MONDAY, 1);
		mvc.perform(get("/diary?week=2026-10-07").with(data.as(guardian)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Петров Миша")))
			.andExpect(content().string(containsString("Математика")))
			.andExpect(content().string(containsString("Учителева А.")))
			.andExpect(content().string(containsString("href=\"/diary/" + sibling + "?week=2026-10-05\"")));
		mvc.perform(get("/diary/" + sibling + "?week=2026-10-05").with(data.as(guardian)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Петрова Оля")))
			.andExpect(content().string(not(containsString("Математика"))));
		mvc.perform(get("/diary/" + stranger).with(data.as(guardian))).andExpect(status().isNotFound());
		mvc.perform(get("/diary/" + stranger).with(data.as(pupil))).andExpect(status().isNotFound());
	}

	@Test
	void theWeekShowsTheChildsRemarksAndPraiseButNotASiblings() throws Exception {
		data.remark(school, child, "PRAISE", "Отличный доклад о вулканах", MONDAY.plusDays(1), teacherId);
		data.remark(school, sibling, "REMARK", "Забыла дневник", MONDAY.plusDays(2), teacherId);
		data.remark(school, child, "REMARK", "Опоздание на прошлой неделе", MONDAY.minusDays(3), teacherId);
		mvc.perform(get("/diary/" + child + "?week=" + MONDAY).with(data.as(guardian)))
			.andExpect(content().string(containsString("Отличный доклад о вулканах")))
			.andExpect(content().string(not(containsString("Забыла дневник"))))
			.andExpect(content().string(not(containsString("Опоздание на прошлой неделе"))));
	}

	@Test
	void staffAreRefusedTheFamilyDiary() throws Exception {
		mvc.perform(get("/diary").with(data.as(teacher))).andExpect(status().isForbidden());
		mvc.perform(get("/diary/" + child).with(data.as(data.schoolAdmin(school)))).andExpect(status().isForbidden());
	}

	@Test
	void changesAreHighlightedWithTheirReason() throws Exception {
		long sub = data.staff(school, "Заменова", "Ольга", "TEACHER");
		long substituted = data.lesson(school, classA, null, math, teacherId, MONDAY, 1);
		data.substitute(substituted, sub, "болезнь учителя");
		long cancelled = data.lesson(school, classA, null, math, teacherId, MONDAY.plusDays(1), 2);
		data.cancelLesson(cancelled, "карантин");
		long moved = data.lesson(school, classA, null, math, teacherId, MONDAY.plusDays(2), 3);
		data.movedLesson(moved, MONDAY.plusDays(3), 4, "экскурсия");
		mvc.perform(get("/diary?week=2026-10-05").with(data.as(pupil)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"lesson changed\" data-lesson=\"" + substituted + "\"")))
			.andExpect(content().string(containsString("Замена: ведёт Заменова О. вместо Учителева А.")))
			.andExpect(content().string(containsString("Причина: болезнь учителя")))
			.andExpect(content().string(containsString("class=\"lesson changed cancelled\" data-lesson=\"" + cancelled + "\"")))
			.andExpect(content().string(containsString("Урок отменён.")))
			.andExpect(content().string(containsString("Перенесён с 08.10.2026, 4-й урок.")));
	}

	@Test
	void theStudentSeesHomeworkDueAtTheLessonWithADoneButton() throws Exception {
		long l1 = data.lesson(school, classA, null, math, teacherId, MONDAY, 1);
		long l2 = data.lesson(school, classA, null, math, teacherId, MONDAY.plusDays(2), 1);
		db.sql("""
				insert into homework_assignment (institution_id, lesson_id, class_id, subject_id, due_lesson_id, due_on, body,
				  hand_in, set_by, set_at) values (:i, :l, :c, :s, :dl, :d, 'Решить № 12', false, :t, :at)""")
			.param("i", school.id()).param("l", l1).param("c", classA).param("s", math).param("dl", l2)
			.param("d", MONDAY.plusDays(2)).param("t", teacherId).param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
		mvc.perform(get("/diary?week=2026-10-05").with(data.as(pupil)))
			.andExpect(content().string(containsString("Решить № 12")))
			.andExpect(content().string(containsString("Отметить выполненным")));
		mvc.perform(get("/diary/" + child + "?week=2026-10-05").with(data.as(guardian)))
			.andExpect(content().string(containsString("Решить № 12")))
			.andExpect(content().string(not(containsString("Отметить выполненным"))));
	}

	/** Fills the week with lessons, each with homework (text, links) and a done-mark of the child. */
	private void fullWeek(LocalDate monday, int perDay) {
		for (int d = 0; d < 6; d++) {
			for (int n = 1; n <= perDay; n++) {
				long l = data.lesson(school, classA, null, math, teacherId, monday.plusDays(d), n);
				db.sql("""
						insert into homework_assignment (institution_id, lesson_id, class_id, subject_id, due_lesson_id, due_on,
						  body, hand_in, set_by, set_at) values (:i, :l, :c, :s, :l, :d, :b, true, :t, :at)""")
					.param("i", school.id()).param("l", l).param("c", classA).param("s", math).param("d", monday.plusDays(d))
					.param("b", "Параграф " + n + ", упражнения 1–5; прочитать текст и ответить на вопросы в конце главы. ".repeat(2))
					.param("t", teacherId).param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
			}
		}
		db.sql("""
				insert into homework_link (assignment_id, position, url)
				select id, 0, 'https://resh.edu.ru/subject/lesson/' || cast(id as varchar(20)) from homework_assignment
				where class_id = :c and due_on between :f and :t""")
			.param("c", classA).param("f", monday).param("t", monday.plusDays(5)).update();
		db.sql("""
				insert into homework_done (assignment_id, student_id, done_at)
				select id, :s, :at from homework_assignment where class_id = :c and due_on between :f and :t""")
			.param("s", child).param("at", Instant.now().atOffset(ZoneOffset.UTC)).param("c", classA).param("f", monday)
			.param("t", monday.plusDays(5)).update();
	}

	@Test
	void theWeekShowsTopicMarksWithTheirTypeAndWeightAndAttendance() throws Exception {
		long l = data.lesson(school, classA, null, math, teacherId, MONDAY, 1);
		long test = data.workType(school, "Контрольная работа", 3);
		data.journalCell(school, l, child, "OP", test, "5", "4");
		data.journalCell(school, l, stranger, null, test, "2");
		data.topic(school, l, "Десятичные дроби");
		mvc.perform(get("/diary?week=2026-10-05").with(data.as(pupil)))
			.andExpect(content().string(containsString("Тема: Десятичные дроби")))
			.andExpect(content().string(containsString("<span class=\"mark\" title=\"Контрольная работа, вес 3\">5</span>")))
			.andExpect(content().string(containsString("title=\"Контрольная работа, вес 3\">4</span>")))
			.andExpect(content().string(containsString("title=\"оп — опоздал\">оп</span>")))
			.andExpect(content().string(not(containsString(">2</span>"))));
	}

	/** Gives the child marks of two types and an attendance letter at the first lessons of the week, and a topic. */
	private void marksOfWeek(LocalDate monday, int lessons) {
		long answer = data.workType(school, "Ответ " + TestData.next(), 1);
		long test = data.workType(school, "Контрольная " + TestData.next(), 3);
		db.sql("select id from timetable_lesson where class_id = :c and lesson_date between :f and :t")
			.param("c", classA).param("f", monday).param("t", monday.plusDays(5)).query(Long.class).list()
			.stream().limit(lessons).forEach(l -> {
				data.journalCell(school, l, child, "N", l % 2 == 0 ? answer : test, "5", "4");
				data.topic(school, l, "Тема урока " + l);
			});
	}

	@Test
	void theWeekPageRunsTheSameStatementsWithMarksAtOneLessonOrMany() throws Exception {
		fullWeek(MONDAY, 1);
		fullWeek(MONDAY.plusWeeks(1), 8);
		marksOfWeek(MONDAY, 1);
		marksOfWeek(MONDAY.plusWeeks(1), 48);
		int one = statementsOfWeek(guardian, "/diary/" + child + "?week=2026-10-05");
		int many = statementsOfWeek(guardian, "/diary/" + child + "?week=2026-10-12");
		assertThat(many).as("statements of a week with 48 lessons with marks").isEqualTo(one);
		assertThat(statementsOfWeek(pupil, "/diary?week=2026-10-12")).isEqualTo(many);
	}

	private int statementsOfWeek(Account who, String url) throws Exception {
		StatementCounter.start();
		mvc.perform(get(url).with(data.as(who))).andExpect(status().isOk());
		return StatementCounter.stop();
	}

	@Test
	void theWeekPageRunsTheSameStatementsWhateverTheWeekHolds() throws Exception {
		fullWeek(MONDAY, 1);
		fullWeek(MONDAY.plusWeeks(1), 8);
		int small = statementsOfWeek(guardian, "/diary/" + child + "?week=2026-10-05");
		int large = statementsOfWeek(guardian, "/diary/" + child + "?week=2026-10-12");
		assertThat(large).as("statements of a full week").isEqualTo(small);
		// 16 and one per header counter before the homework (with its links, files, done-marks and
		// hand-ins), the subject and teacher names, the marks with the topics, and the header counters
		// were each read in one statement
		int header = badges.isEmpty() ? 0 : 1;
		assertThat(large).as("the counter sees the page's reads").isGreaterThanOrEqualTo(8).isLessThanOrEqualTo(11 + header);
		assertThat(statementsOfWeek(pupil, "/diary?week=2026-10-12")).isEqualTo(large);
	}

	@Test
	void aFullWeekStaysWithinFifteenKilobytesGzipped() throws Exception {
		fullWeek(MONDAY, 8);
		marksOfWeek(MONDAY, 48);
		byte[] html = mvc.perform(get("/diary?week=2026-10-05").with(data.as(pupil))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		ByteArrayOutputStream gz = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
			out.write(html);
		}
		assertThat(new String(html, java.nio.charset.StandardCharsets.UTF_8)).contains("Параграф 8");
		assertThat(gz.size()).as("gzipped bytes of a week of 48 lessons with homework").isLessThan(15 * 1024);
	}
}
