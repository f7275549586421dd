package ru.eschool.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;

/**
 * A holiday for some grades only (the first grade's extra week): the school admin sets its grade
 * range; making the dated lessons skips it for those grades and for no other.
 */
@EschoolTest
class HolidayGradesTests {

	/** Monday to Sunday of a week inside quarter 2. */
	static final LocalDate FROM = LocalDate.of(2026, 11, 23);
	static final LocalDate TO = LocalDate.of(2026, 11, 29);

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired Lessons lessons;

	TimetableMother mother;
	School school;
	Account admin;
	long first;
	long fifth;
	long quarter2;

	@BeforeEach
	void setUp() {
		mother = new TimetableMother(db, data);
		school = mother.school();
		admin = data.schoolAdmin(school);
		first = data.schoolClass(school, 1, "А");
		fifth = data.schoolClass(school, 5, "А");
		long math = data.subject(school, "Математика");
		long ivanova = mother.teacher(school, "Иванова");
		long petrova = mother.teacher(school, "Петрова");
		mother.entry(school, first, null, 1, 1, math, ivanova, "101");
		mother.entry(school, fifth, null, 1, 2, math, petrova, "201");
		quarter2 = mother.ids("select id from school_study_period where academic_year_id = ? and number = 2",
				school.yearId()).get(0);
	}

	org.springframework.test.web.servlet.ResultActions addHoliday(String gradeFrom, String gradeTo) throws Exception {
		return mvc.perform(post("/admin/year/" + school.yearId() + "/holidays").with(data.as(admin)).with(csrf())
			.param("holidayName", "Дополнительные каникулы").param("holidayFrom", FROM.toString())
			.param("holidayTo", TO.toString()).param("holidayGradeFrom", gradeFrom).param("holidayGradeTo", gradeTo));
	}

	long holidays() {
		return db.sql("select count(*) from school_holiday where name = 'Дополнительные каникулы' and academic_year_id = :y")
			.param("y", school.yearId()).query(Long.class).single();
	}

	List<LocalDate> days(long classId) {
		return lessons.ofClass(classId, FROM, TO).stream().map(Lesson::date).toList();
	}

	@Test
	void aFirstGradeHolidaySkipsTheFirstGradesLessonsOnlyAndTheYearPageShowsItsGrades() throws Exception {
		addHoliday("1", "1").andExpect(status().is3xxRedirection());
		for (long klass : new long[] { first, fifth }) {
			mvc.perform(post("/admin/timetable/classes/" + klass + "/generate").with(data.as(admin)).with(csrf())
				.param("period", String.valueOf(quarter2))).andExpect(status().is3xxRedirection());
		}
		assertThat(days(first)).isEmpty();
		assertThat(days(fifth)).containsExactly(FROM);
		// the other Mondays of the quarter are there for both
		assertThat(lessons.ofClass(first, FROM.plusDays(7), FROM.plusDays(7))).hasSize(1);
		String page = mvc.perform(get("/admin/year/" + school.yearId()).with(data.as(admin))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Дополнительные каникулы", "1–1 классы", "все классы");
	}

	@Test
	void aWrongGradeRangeIsRefusedWithAMessageAndSavesNothing() throws Exception {
		String reversed = addHoliday("3", "2").andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(reversed).contains("не может быть меньше");
		String outside = addHoliday("1", "12").andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(outside).contains("число от 1 до 11");
		addHoliday("1", "x").andExpect(status().isOk());
		assertThat(holidays()).isZero();
		// no range given: every grade, as before
		mvc.perform(post("/admin/year/" + school.yearId() + "/holidays").with(data.as(admin)).with(csrf())
			.param("holidayName", "Дополнительные каникулы").param("holidayFrom", FROM.toString())
			.param("holidayTo", TO.toString())).andExpect(status().is3xxRedirection());
		assertThat(db.sql("""
				select grade_from || '-' || grade_to from school_holiday
				where name = 'Дополнительные каникулы' and academic_year_id = :y""").param("y", school.yearId())
			.query(String.class).single()).isEqualTo("1-11");
	}
}
