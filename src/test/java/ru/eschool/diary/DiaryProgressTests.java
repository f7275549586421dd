package ru.eschool.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import ru.eschool.EschoolTest;
import ru.eschool.StatementCounter;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/**
 * A child's progress by subject and the report card: marks with type and weight, the weighted
 * average, the trend, period marks, attendance and an inline SVG chart; scoped like the week
 * page; a constant number of statements and at most 15 KB gzipped; the PDF carries Cyrillic text.
 */
@EschoolTest
@Import(StatementCounter.class)
class DiaryProgressTests {

	static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);

	@Autowired MockMvc mvc;
	@Autowired TestData data;

	School school;
	long classA;
	long classB;
	long math;
	long russian;
	long teacherId;
	long quarter1;
	long quarter2;
	long answer;
	long test;
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
		russian = data.subject(school, "Русский язык");
		teacherId = data.staff(school, "Учителева", "Анна", "TEACHER");
		quarter1 = data.studyPeriod(school, 1, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 25));
		quarter2 = data.studyPeriod(school, 2, LocalDate.of(2026, 11, 5), LocalDate.of(2026, 12, 28));
		answer = data.workType(school, "Ответ на уроке", 1);
		test = data.workType(school, "Контрольная работа", 3);
		child = data.student(school, classA, "Петров", "Миша");
		sibling = data.student(school, classB, "Петрова", "Оля");
		stranger = data.student(school, classA, "Сидоров", "Ваня");
		guardian = data.account("Петрова Ирина",
				TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Петрова", "Ирина", child, sibling)));
		pupil = data.account("Петров Миша", TestData.grant(Role.STUDENT, school, child));
		teacher = data.account("Учителева Анна", TestData.grant(Role.TEACHER, school, teacherId));
	}

	/** Math lessons on consecutive days from the Monday with the child's marks: 3, 3, 4 (test), 5, 5. */
	private void mathMarks() {
		String[] marks = { "3", "3", "4", "5", "5" };
		for (int i = 0; i < marks.length; i++) {
			long l = data.lesson(school, classA, null, math, teacherId, MONDAY.plusDays(i), 1);
			data.journalCell(school, l, child, i == 1 ? "N" : null, i == 2 ? test : answer, marks[i]);
			data.journalCell(school, l, stranger, null, answer, "2");
		}
	}

	@Test
	void progressShowsMarksWeightedAverageTrendPeriodMarksAttendanceAndAChart() throws Exception {
		mathMarks();
		long r = data.lesson(school, classA, null, russian, teacherId, MONDAY, 2);
		data.journalCell(school, r, child, "OP", answer, "5");
		data.periodMark(school, classA, russian, child, quarter1, "5");
		String html = mvc.perform(get("/diary/progress?period=" + quarter1).with(data.as(pupil)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		// (3 + 3 + 4×3 + 5 + 5) / 7 = 4.00 → proposal 4, not yet set
		assertThat(html).contains("Математика", "Русский язык", "<strong>4.00</strong>", "↑", "оценки растут",
				"предварительная, ещё не выставлена", "title=\"09.09.2026 · Контрольная работа · вес 3\">4<sub>3</sub>",
				"пропущено уроков: 1, опозданий: 0, всего уроков: 5", "пропущено уроков: 0, опозданий: 1, всего уроков: 1",
				"<strong class=\"mark\">5</strong>", "<svg class=\"chart\"", "<polyline points=\"", "<circle ",
				"href=\"/diary/" + child + "/report.pdf?period=" + quarter1 + "\"");
		assertThat(html).doesNotContain("style=", "<script>");
		assertThat(html.split("<circle ", -1)).as("five marks in math, one in Russian").hasSize(7);
	}

	@Test
	void aFallingOrFlatTrendIsSaidInWords() throws Exception {
		long l1 = data.lesson(school, classA, null, math, teacherId, MONDAY, 1);
		long l2 = data.lesson(school, classA, null, math, teacherId, MONDAY.plusDays(1), 1);
		data.journalCell(school, l1, child, null, answer, "5");
		data.journalCell(school, l2, child, null, answer, "3");
		long r1 = data.lesson(school, classA, null, russian, teacherId, MONDAY, 2);
		long r2 = data.lesson(school, classA, null, russian, teacherId, MONDAY.plusDays(1), 2);
		data.journalCell(school, r1, child, null, answer, "4");
		data.journalCell(school, r2, child, null, answer, "4");
		mvc.perform(get("/diary/" + child + "/progress?period=" + quarter1).with(data.as(guardian)))
			.andExpect(content().string(containsString("оценки снижаются")))
			.andExpect(content().string(containsString("оценки держатся на одном уровне")));
	}

	@Test
	void progressIsScopedLikeTheWeek() throws Exception {
		mathMarks();
		mvc.perform(get("/diary/" + sibling + "/progress").with(data.as(guardian))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Петрова Оля")))
			.andExpect(content().string(not(containsString("Математика"))));
		mvc.perform(get("/diary/progress").with(data.as(guardian))).andExpect(status().isOk());
		mvc.perform(get("/diary/" + stranger + "/progress").with(data.as(guardian))).andExpect(status().isNotFound());
		mvc.perform(get("/diary/" + stranger + "/progress").with(data.as(pupil))).andExpect(status().isNotFound());
		mvc.perform(get("/diary/" + sibling + "/progress").with(data.as(pupil))).andExpect(status().isNotFound());
		mvc.perform(get("/diary/progress").with(data.as(teacher))).andExpect(status().isForbidden());
		mvc.perform(get("/diary/" + child + "/progress").with(data.as(data.schoolAdmin(school))))
			.andExpect(status().isForbidden());
		School other = data.school();
		long foreignPeriod = data.studyPeriod(other, 1, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 25));
		mvc.perform(get("/diary/" + child + "/progress?period=" + foreignPeriod).with(data.as(guardian)))
			.andExpect(status().isNotFound());
	}

	/** Marks at every lesson of eight subjects, six a week, over the weeks from the start. */
	private void busyPeriod(LocalDate start, int weeks) {
		long[] subjects = new long[8];
		for (int s = 0; s < subjects.length; s++) {
			subjects[s] = data.subject(school, "Предмет номер " + s + " " + TestData.next());
		}
		for (int w = 0; w < weeks; w++) {
			for (int d = 0; d < 6; d++) {
				for (int s = 0; s < subjects.length; s++) {
					long l = data.lesson(school, classA, null, subjects[s], teacherId, start.plusWeeks(w).plusDays(d), s + 1);
					data.journalCell(school, l, child, (d + s) % 9 == 0 ? "N" : null, (d + s) % 4 == 0 ? test : answer,
							String.valueOf(2 + (d * 7 + s + w) % 4));
				}
			}
		}
	}

	private int statements(Account who, String url) throws Exception {
		StatementCounter.start();
		mvc.perform(get(url).with(data.as(who))).andExpect(status().isOk());
		return StatementCounter.stop();
	}

	@Test
	void progressRunsTheSameStatementsWhateverThePeriodHolds() throws Exception {
		long l = data.lesson(school, classA, null, math, teacherId, LocalDate.of(2026, 11, 9), 1);
		data.journalCell(school, l, child, null, answer, "5");
		busyPeriod(MONDAY, 3);
		data.periodMark(school, classA, math, child, quarter1, "4");
		int one = statements(guardian, "/diary/" + child + "/progress?period=" + quarter2);
		int many = statements(guardian, "/diary/" + child + "/progress?period=" + quarter1);
		assertThat(many).as("statements of a period with 144 marks in 8 subjects").isEqualTo(one);
		assertThat(statements(pupil, "/diary/progress?period=" + quarter1)).isEqualTo(many);
	}

	@Test
	void aFullPeriodStaysWithinFifteenKilobytesGzipped() throws Exception {
		// a quarter of eight subjects with a mark at every lesson: 8 weeks × 6 days × 8 subjects
		busyPeriod(MONDAY, 7);
		byte[] html = mvc.perform(get("/diary/progress?period=" + quarter1).with(data.as(pupil))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		ByteArrayOutputStream gz = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
			out.write(html);
		}
		assertThat(new String(html, StandardCharsets.UTF_8)).contains("Предмет номер 7").contains("<svg class=\"chart\"");
		assertThat(gz.size()).as("gzipped bytes of a quarter of 336 marks").isLessThan(15 * 1024);
	}

	@Test
	void theReportCardCarriesSchoolClassStudentMarksAndAbsencesInCyrillic() throws Exception {
		mathMarks();
		long r = data.lesson(school, classA, null, russian, teacherId, MONDAY, 2);
		data.journalCell(school, r, child, null, answer, "5");
		data.periodMark(school, classA, russian, child, quarter1, "5");
		byte[] pdf = mvc.perform(get("/diary/" + child + "/report.pdf?period=" + quarter1).with(data.as(guardian)))
			.andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
		assertThat(text).contains("Школа № ", "Табель успеваемости: 1-я четверть", "Петров Миша", "5А", "Математика",
				"(предварительная)", "Русский язык", "не подтверждена");
		assertThat(text.replaceAll("\\s+", " ")).contains("Математика 4 (предварительная) 1 0");
		assertThat(text).doesNotContain("Сидоров");
		mvc.perform(get("/diary/" + child + "/report.pdf?period=" + quarter1).with(data.as(pupil)))
			.andExpect(status().isOk());
	}

	@Test
	void theReportCardOfAnotherChildIsNotFound() throws Exception {
		mathMarks();
		mvc.perform(get("/diary/" + stranger + "/report.pdf?period=" + quarter1).with(data.as(guardian)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/diary/" + stranger + "/report.pdf?period=" + quarter1).with(data.as(pupil)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/diary/" + child + "/report.pdf?period=" + quarter1).with(data.as(teacher)))
			.andExpect(status().isForbidden());
	}
}
