package ru.eschool.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;

/**
 * The weekly template: lines are chosen from the class's teaching assignments, and a teacher in two
 * places, a room taken twice or a class with two lessons at once are refused with a clear message.
 */
@EschoolTest
class WeeklyTemplateTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;

	TimetableMother mother;
	School school;
	Account admin;
	long fiveA;
	long fiveB;
	long math;
	long english;
	long ivanova;
	long petrova;
	long mathInFiveA;
	long mathInFiveB;

	@BeforeEach
	void setUp() {
		mother = new TimetableMother(db, data);
		school = mother.school();
		admin = data.schoolAdmin(school);
		fiveA = data.schoolClass(school, 5, "А");
		fiveB = data.schoolClass(school, 5, "Б");
		math = data.subject(school, "Математика");
		english = data.subject(school, "Английский язык");
		ivanova = mother.teacher(school, "Иванова");
		petrova = mother.teacher(school, "Петрова");
		mathInFiveA = mother.assign(ivanova, math, fiveA, null);
		mathInFiveB = mother.assign(ivanova, math, fiveB, null);
	}

	MockHttpServletRequestBuilder add(long classId, long assignment, int weekday, int number, String room) {
		return post("/admin/timetable/classes/" + classId + "/entries").with(data.as(admin)).with(csrf())
			.param("weekday", String.valueOf(weekday)).param("slot", "1/" + number)
			.param("assignmentId", String.valueOf(assignment)).param("room", room);
	}

	long lines(long classId) {
		return mother.count("select count(*) from timetable_template_entry where class_id = ?", classId);
	}

	Document refused(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}

	@Test
	void aLineIsAddedFromTheClassAssignmentsAndShownInTheGrid() throws Exception {
		Document form = Jsoup.parse(mvc.perform(get("/admin/timetable/classes/" + fiveA).with(data.as(admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(form.select("#f-assignmentId option[value=" + mathInFiveA + "]").text()).contains("Математика")
			.contains("Иванова");
		assertThat(form.select("#f-assignmentId option[value=" + mathInFiveB + "]")).isEmpty();
		mvc.perform(add(fiveA, mathInFiveA, 1, 2, " 201 ")).andExpect(redirectedUrl("/admin/timetable/classes/" + fiveA));
		Document grid = Jsoup.parse(mvc.perform(get("/admin/timetable/classes/" + fiveA).with(data.as(admin)))
			.andReturn().getResponse().getContentAsString());
		assertThat(grid.select(".tt-grid tbody tr").get(1).select("td").get(0).text()).contains("Математика")
			.contains("Иванова").contains("201");
		assertThat(db.sql("select room from timetable_template_entry where class_id = :c").param("c", fiveA)
			.query(String.class).single()).isEqualTo("201");
	}

	@Test
	void aTeacherCannotBeInTwoClassesAtOnce() throws Exception {
		mvc.perform(add(fiveA, mathInFiveA, 3, 4, "201")).andExpect(status().is3xxRedirection());
		Document page = refused(add(fiveB, mathInFiveB, 3, 4, "202"));
		assertThat(page.select("#e-teacher").text()).contains("Иванова").contains("5А").contains("Математика");
		assertThat(lines(fiveB)).isZero();
		// another day or slot is fine
		mvc.perform(add(fiveB, mathInFiveB, 3, 5, "202")).andExpect(status().is3xxRedirection());
		mvc.perform(add(fiveB, mathInFiveB, 4, 4, "202")).andExpect(status().is3xxRedirection());
	}

	@Test
	void aRoomCannotHoldTwoLessonsAtOnce() throws Exception {
		long englishInFiveB = mother.assign(petrova, english, fiveB, null);
		mvc.perform(add(fiveA, mathInFiveA, 2, 1, "201")).andExpect(status().is3xxRedirection());
		Document page = refused(add(fiveB, englishInFiveB, 2, 1, "201"));
		assertThat(page.select("#e-room").text()).contains("201").contains("5А");
		assertThat(lines(fiveB)).isZero();
	}

	@Test
	void aClassCannotHaveTwoLessonsInOneSlotButTwoGroupsMay() throws Exception {
		long group1 = data.classGroup(fiveA, "Группа 1");
		long group2 = data.classGroup(fiveA, "Группа 2");
		long englishG1 = mother.assign(petrova, english, fiveA, group1);
		long sidorova = mother.teacher(school, "Сидорова");
		long englishG2 = mother.assign(sidorova, english, fiveA, group2);
		long englishWhole = mother.assign(sidorova, english, fiveA, null);
		mvc.perform(add(fiveA, mathInFiveA, 1, 1, "201")).andExpect(status().is3xxRedirection());
		Document page = refused(add(fiveA, englishG1, 1, 1, "204"));
		assertThat(page.select("#e-slot").text()).contains("Математика");
		// two groups share a slot, each with its teacher and room
		mvc.perform(add(fiveA, englishG1, 1, 2, "204")).andExpect(status().is3xxRedirection());
		mvc.perform(add(fiveA, englishG2, 1, 2, "205")).andExpect(status().is3xxRedirection());
		// but not with a whole-class lesson, nor the same group twice
		mvc.perform(add(fiveA, englishWhole, 1, 3, "205")).andExpect(status().is3xxRedirection());
		assertThat(refused(add(fiveA, englishWhole, 1, 2, "206")).select("#e-slot").text()).contains("Группа");
		long another = mother.teacher(school, "Новикова");
		long englishG1Again = mother.assign(another, english, fiveA, group1);
		assertThat(refused(add(fiveA, englishG1Again, 1, 2, "207")).select("#e-slot").text()).contains("Группа 1");
		assertThat(lines(fiveA)).isEqualTo(4);
	}

	@Test
	void aLineIsRemovedAndAnotherSchoolsIdsAreNotFound() throws Exception {
		mvc.perform(add(fiveA, mathInFiveA, 1, 1, "201")).andExpect(status().is3xxRedirection());
		long line = mother.ids("select id from timetable_template_entry where class_id = ?", fiveA).get(0);
		School other = mother.school();
		long foreignClass = data.schoolClass(other, 5, "А");
		long foreignTeacher = mother.teacher(other, "Чужая");
		long foreignAssignment = mother.assign(foreignTeacher, data.subject(other, "Математика"), foreignClass, null);
		mvc.perform(get("/admin/timetable/classes/" + foreignClass).with(data.as(admin))).andExpect(status().isNotFound());
		mvc.perform(add(foreignClass, mathInFiveA, 1, 1, "1")).andExpect(status().isNotFound());
		mvc.perform(add(fiveA, foreignAssignment, 2, 1, "1")).andExpect(status().isNotFound());
		mvc.perform(add(fiveA, mathInFiveB, 2, 1, "1")).andExpect(status().isNotFound());
		mvc.perform(post("/admin/timetable/classes/" + fiveB + "/entries/" + line + "/delete").with(data.as(admin))
			.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/admin/timetable/classes/" + foreignClass + "/generate").with(data.as(admin)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(lines(fiveA)).isEqualTo(1);
		mvc.perform(post("/admin/timetable/classes/" + fiveA + "/entries/" + line + "/delete").with(data.as(admin))
			.with(csrf())).andExpect(redirectedUrl("/admin/timetable/classes/" + fiveA));
		assertThat(lines(fiveA)).isZero();
	}
}
