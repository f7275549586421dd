package ru.eschool.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;

/** The week pages run the same small number of SQL statements for a nearly empty week and a full one. */
@EschoolTest
@Import(StatementCounter.Config.class)
class WeekPageStatementTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	/** Each header badge costs a full page one statement. */
	@Autowired java.util.List<ru.eschool.shared.web.HeaderBadge> badges;

	TimetableMother mother;
	School school;
	Account admin;

	@BeforeEach
	void setUp() {
		mother = new TimetableMother(db, data);
		school = mother.school();
		admin = data.schoolAdmin(school);
	}

	int statements(MockHttpServletRequestBuilder request) throws Exception {
		mvc.perform(request).andExpect(status().isOk());
		StatementCounter.reset();
		mvc.perform(request).andExpect(status().isOk());
		return StatementCounter.count();
	}

	@Test
	void theTeachersWeekAndTheClassWeekRunAFixedNumberOfStatements() throws Exception {
		long teacher = mother.teacher(school, "Иванова");
		Account account = mother.teacherAccount(school, teacher);
		long substitute = mother.teacher(school, "Петрова");
		long small = data.schoolClass(school, 5, "А");
		long math = data.subject(school, "Математика");
		mother.lesson(school, small, null, TimetableMother.MONDAY, 1, math, teacher, "201");
		String week = TimetableMother.MONDAY.toString();
		int teacherSmall = statements(get("/timetable").param("week", week).with(data.as(account)));
		int classSmall = statements(get("/timetable/classes/" + small).param("week", week).with(data.as(admin)));

		// a full week: six days of seven lessons in five classes, with groups, several subjects and substitutes
		for (int c = 0; c < 5; c++) {
			long klass = c == 0 ? small : data.schoolClass(school, 6 + c, "Б");
			long group = data.classGroup(klass, "Группа 1");
			for (int day = 0; day < 6; day++) {
				for (int n = 1; n <= 7; n++) {
					long subject = data.subject(school, "Предмет " + TestData.next());
					boolean mine = (day * 7 + n) % 5 == c;
					long id = mother.lesson(school, klass, n % 2 == 0 ? group : null, TimetableMother.MONDAY.plusDays(day), n,
							subject, mine ? teacher : mother.teacher(school, "Учитель" + n), "1" + n);
					if (n == 3) {
						db.sql("update timetable_lesson set substitute_id = :s, change_reason = 'Курсы' where id = :id")
							.param("s", substitute).param("id", id).update();
					}
				}
			}
		}
		int teacherFull = statements(get("/timetable").param("week", week).with(data.as(account)));
		int classFull = statements(get("/timetable/classes/" + small).param("week", week).with(data.as(admin)));
		// the counter sees them: at least the lessons and their names
		assertThat(teacherSmall).isGreaterThanOrEqualTo(2);
		assertThat(classSmall).isGreaterThanOrEqualTo(3);
		// the header counters (unread messages, notifications) add one statement to a full page, all together
		int header = badges.isEmpty() ? 0 : 1;
		assertThat(teacherFull).as("statements of the teacher's week").isEqualTo(teacherSmall).isLessThanOrEqualTo(4 + header);
		assertThat(classFull).as("statements of the class week").isEqualTo(classSmall).isLessThanOrEqualTo(5 + header);
	}
}
