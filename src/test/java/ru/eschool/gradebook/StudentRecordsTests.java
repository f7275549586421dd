package ru.eschool.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.StatementCounter;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.gradebook.StudentRecords.Key;
import ru.eschool.gradebook.StudentRecords.MarkRecord;
import ru.eschool.gradebook.StudentRecords.Records;
import ru.eschool.gradebook.StudentRecords.SubjectRecord;
import ru.eschool.school.StudyCalendar;
import ru.eschool.school.StudyCalendar.StudyPeriod;
import ru.eschool.shared.Role;

/**
 * The gradebook's read API for the diary: marks with type and weight, attendance and topics of
 * students over dates in a fixed number of statements, and a student's period subject by subject.
 */
@EschoolTest
@Import(StatementCounter.class)
class StudentRecordsTests {

	static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired StudentRecords records;
	@Autowired StudyCalendar calendar;

	School school;
	long fiveA;
	long math;
	long russian;
	long teacherId;
	Account teacher;
	long quarter;
	long ivanov;
	long petrova;

	@BeforeEach
	void setUp() {
		school = data.school();
		fiveA = data.schoolClass(school, 5, "А");
		math = data.subject(school, "Математика");
		russian = data.subject(school, "Русский язык");
		teacherId = data.staff(school, "Смирнова", "Ольга", "TEACHER");
		teacher = data.account("Смирнова Ольга", TestData.grant(Role.TEACHER, school, teacherId));
		data.assign(teacherId, math, fiveA);
		quarter = data.studyPeriod(school, 1, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 25));
		ivanov = data.student(school, fiveA, "Иванов", "Пётр");
		petrova = data.student(school, fiveA, "Петрова", "Анна");
	}

	@Test
	void marksEnteredInTheJournalComeBackWithTypeWeightDateAttendanceAndTopic() throws Exception {
		long lesson = data.lesson(school, fiveA, null, math, teacherId, MONDAY, 1);
		mvc.perform(post("/journal/cell").with(data.as(teacher)).with(csrf()).header("HX-Request", "true")
			.param("c", lesson + "." + ivanov + ".0").param("v", "5 4 оп")).andExpect(status().isOk());
		data.topic(school, lesson, "Дроби");
		Records r = records.between(List.of(ivanov, petrova), List.of(fiveA), MONDAY, MONDAY.plusDays(5));
		assertThat(r.marks()).extracting(MarkRecord::value).containsExactly(MarkValue.FIVE, MarkValue.FOUR);
		assertThat(r.marks()).allMatch(m -> m.studentId() == ivanov && m.lessonId() == lesson && m.subjectId() == math
				&& m.date().equals(MONDAY) && "Ответ на уроке".equals(m.workType()) && m.weight() == 1);
		assertThat(r.attendance()).containsExactly(Map.entry(new Key(ivanov, lesson), Attendance.OP));
		assertThat(r.topics()).containsExactly(Map.entry(lesson, "Дроби"));
		assertThat(records.between(List.of(petrova), List.of(fiveA), MONDAY, MONDAY.plusDays(5)).marks()).isEmpty();
		assertThat(records.between(List.of(ivanov), List.of(fiveA), MONDAY.plusDays(7), MONDAY.plusDays(12)).marks()).isEmpty();
	}

	@Test
	void readingMarksRunsTheSameStatementsForOneLessonOrMany() throws Exception {
		long test = data.workType(school, "Контрольная работа", 3);
		long one = data.lesson(school, fiveA, null, math, teacherId, MONDAY, 1);
		data.journalCell(school, one, ivanov, null, test, "5");
		for (int d = 0; d < 6; d++) {
			for (int n = 1; n <= 6; n++) {
				long l = data.lesson(school, fiveA, null, n % 2 == 0 ? math : russian, teacherId, MONDAY.plusDays(7 + d), n);
				data.journalCell(school, l, ivanov, n == 3 ? "N" : null, test, "4", "5");
				data.journalCell(school, l, petrova, null, test, "3");
				data.topic(school, l, "Тема " + n);
			}
		}
		int small = StatementCounter.count(() -> records.between(List.of(ivanov), List.of(fiveA), MONDAY, MONDAY.plusDays(5)));
		int[] large = new int[1];
		Records[] r = new Records[1];
		large[0] = StatementCounter.count(() -> r[0] = records.between(List.of(ivanov, petrova), List.of(fiveA),
				MONDAY.plusDays(7), MONDAY.plusDays(12)));
		assertThat(r[0].marks()).hasSize(36 * 3);
		assertThat(large[0]).as("the lessons, then the cells with their marks and the topics").isEqualTo(small).isEqualTo(2);
	}

	@Test
	void aStudentsPeriodGivesEachSubjectsWeightedAverageProposalPeriodMarksAndAttendance() {
		long answer = data.workType(school, "Ответ", 1);
		long test = data.workType(school, "Контрольная", 3);
		long groupA = data.classGroup(fiveA, "1 группа");
		long groupB = data.classGroup(fiveA, "2 группа");
		data.groupMember(groupA, ivanov);
		long m1 = data.lesson(school, fiveA, null, math, teacherId, MONDAY, 1);
		long m2 = data.lesson(school, fiveA, null, math, teacherId, MONDAY.plusDays(1), 1);
		long m3 = data.lesson(school, fiveA, null, math, teacherId, MONDAY.plusDays(2), 1);
		long cancelled = data.lesson(school, fiveA, null, math, teacherId, MONDAY.plusDays(3), 1);
		data.cancelLesson(cancelled, "карантин");
		long r1 = data.lesson(school, fiveA, groupA, russian, teacherId, MONDAY, 2);
		long otherGroup = data.lesson(school, fiveA, groupB, russian, teacherId, MONDAY, 3);
		data.journalCell(school, m1, ivanov, null, answer, "5");
		data.journalCell(school, m2, ivanov, "OP", test, "3");
		data.journalCell(school, m3, ivanov, "N", answer);
		data.journalCell(school, cancelled, ivanov, null, answer, "2");
		data.journalCell(school, m1, petrova, null, answer, "2");
		data.journalCell(school, r1, ivanov, "B", answer);
		data.journalCell(school, otherGroup, ivanov, null, answer, "2");
		data.periodMark(school, fiveA, russian, ivanov, quarter, "4");
		StudyPeriod period = calendar.periodsOfClass(fiveA).get(0);

		Map<Long, SubjectRecord> bySubject = records.period(ivanov, fiveA, period, List.of(quarter));

		assertThat(bySubject).containsOnlyKeys(math, russian);
		SubjectRecord m = bySubject.get(math);
		assertThat(m.marks()).extracting(MarkRecord::value).containsExactly(MarkValue.FIVE, MarkValue.THREE);
		assertThat(m.marks()).extracting(MarkRecord::weight).containsExactly(1, 3);
		assertThat(m.average()).isEqualByComparingTo(new BigDecimal("3.50"));
		assertThat(m.proposed()).isEqualTo(MarkValue.FOUR);
		assertThat(m.periodMarks()).isEmpty();
		assertThat(m.lessons()).isEqualTo(3);
		assertThat(m.absences()).isEqualTo(1);
		assertThat(m.late()).isEqualTo(1);
		SubjectRecord r = bySubject.get(russian);
		assertThat(r.marks()).isEmpty();
		assertThat(r.average()).isNull();
		assertThat(r.proposed()).isNull();
		assertThat(r.periodMarks()).containsExactly(Map.entry(quarter, MarkValue.FOUR));
		assertThat(r.lessons()).isEqualTo(1);
		assertThat(r.absences()).isEqualTo(1);
		assertThat(records.subject(ivanov, fiveA, math, period, List.of(quarter))).get()
			.extracting(SubjectRecord::average).isEqualTo(m.average());
	}

	@Test
	void passFailMarksProposeAPass() {
		long answer = data.workType(school, "Ответ", 1);
		long art = data.subject(school, "ИЗО");
		long a1 = data.lesson(school, fiveA, null, art, teacherId, MONDAY, 1);
		long a2 = data.lesson(school, fiveA, null, art, teacherId, MONDAY.plusDays(1), 1);
		data.journalCell(school, a1, ivanov, null, answer, "P");
		data.journalCell(school, a2, ivanov, null, answer, "F");
		StudyPeriod period = calendar.periodsOfClass(fiveA).get(0);
		SubjectRecord r = records.period(ivanov, fiveA, period, List.of(quarter)).get(art);
		assertThat(r.average()).isNull();
		assertThat(r.proposed()).isEqualTo(MarkValue.PASS);
	}
}
