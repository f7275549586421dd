package ru.eschool.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

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
import ru.eschool.school.StudyCalendar.StudyPeriod;

/** The academic year page: years, study periods per grade range, holidays, and the StudyCalendar API. */
@EschoolTest
class AcademicYearPagesTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired StudyCalendar calendar;

	School school;
	School other;
	Account admin;

	@BeforeEach
	void setUp() {
		school = data.school();
		other = data.school();
		admin = data.schoolAdmin(school);
	}

	@Test
	void newSchemeFormOffersRussianQuarterDates() throws Exception {
		Document page = Jsoup.parse(mvc.perform(get("/admin/year/" + school.yearId() + "/schemes/new")
			.param("scheme", "QUARTER").param("gradeFrom", "1").param("gradeTo", "9").with(data.as(admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page.select("#f-start1").val()).isEqualTo("2026-09-01");
		assertThat(page.select("#f-end1").val()).isEqualTo("2026-10-26");
		assertThat(page.select("#f-start2").val()).isEqualTo("2026-11-05");
		assertThat(page.select("#f-start4").val()).isEqualTo("2027-04-01");
		assertThat(page.select("#f-end4").val()).isEqualTo("2027-05-31");
		assertThat(page.select("#f-gradeTo").val()).isEqualTo("9");
	}

	@Test
	void adminSetsQuartersForLowerGradesAndHalfYearsForTheSeniorOnes() throws Exception {
		mvc.perform(quarters(1, 9)).andExpect(status().is3xxRedirection());
		mvc.perform(scheme("HALF_YEAR", 10, 11, "2026-09-01", "2026-12-28", "2027-01-09", "2027-05-31"))
			.andExpect(status().is3xxRedirection());

		long fifth = data.schoolClass(school, 5, "А");
		long tenth = data.schoolClass(school, 10, "А");
		List<StudyPeriod> lower = calendar.periodsOfClass(fifth);
		assertThat(lower).extracting(StudyPeriod::scheme).containsOnly(StudyScheme.QUARTER);
		assertThat(lower).extracting(StudyPeriod::number).containsExactly(1, 2, 3, 4);
		assertThat(calendar.periodsOfClass(tenth)).extracting(StudyPeriod::startsOn)
			.containsExactly(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 9));
		assertThat(calendar.periodOn(fifth, LocalDate.of(2026, 11, 10))).map(StudyPeriod::number).contains(2);
		assertThat(calendar.periodOn(fifth, LocalDate.of(2026, 10, 30))).isEmpty();

		mvc.perform(get("/admin/year").with(data.as(admin))).andExpect(status().isOk())
			.andExpect(content().string(containsString("1–9")))
			.andExpect(content().string(containsString("10–11")));
	}

	@Test
	void overlappingGradeRangesAreRefusedAndNothingIsSaved() throws Exception {
		mvc.perform(quarters(1, 9)).andExpect(status().is3xxRedirection());
		Document page = Jsoup.parse(mvc.perform(scheme("HALF_YEAR", 9, 11, "2026-09-01", "2026-12-28", "2027-01-09",
				"2027-05-31")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page.select("#e-gradeFrom").text()).contains("1–9");
		assertThat(periods()).isEqualTo(4);
		mvc.perform(get("/admin/year").with(data.as(admin)))
			.andExpect(content().string(containsString("Для классов 10–11 учебные периоды ещё не заданы")));
	}

	@Test
	void periodsOutsideTheYearOrOutOfOrderGetAMessagePerField() throws Exception {
		Document page = Jsoup.parse(mvc.perform(scheme("QUARTER", 1, 11, "2026-08-20", "2026-10-26", "2026-10-20",
				"2026-12-28", "2027-01-09", "2027-03-22", "2027-04-10", "2027-04-01"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page.select("#e-start1").text()).contains("01.09.2026");
		assertThat(page.select("#e-start2").text()).contains("26.10.2026");
		assertThat(page.select("#e-end4").text()).isNotEmpty();
		assertThat(page.select("#e-start3")).isEmpty();
		assertThat(page.select("#f-start1").val()).isEqualTo("2026-08-20");
		assertThat(periods()).isZero();
	}

	@Test
	void editingASchemeKeepsItsPeriodIds() throws Exception {
		mvc.perform(quarters(1, 11)).andExpect(status().is3xxRedirection());
		long first = db.sql("select min(id) from school_study_period where academic_year_id = :y")
			.param("y", school.yearId()).query(Long.class).single();
		mvc.perform(post("/admin/year/schemes/" + first).with(data.as(admin)).with(csrf()).param("scheme", "QUARTER")
			.param("gradeFrom", "1").param("gradeTo", "9").param("start1", "2026-09-01").param("end1", "2026-10-24")
			.param("start2", "2026-11-05").param("end2", "2026-12-28").param("start3", "2027-01-09")
			.param("end3", "2027-03-22").param("start4", "2027-04-01").param("end4", "2027-05-31"))
			.andExpect(redirectedUrl("/admin/year/" + school.yearId()));
		assertThat(db.sql("select ends_on from school_study_period where id = :id").param("id", first)
			.query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 10, 24));
		assertThat(db.sql("select count(*) from school_study_period where academic_year_id = :y and grade_to = 9")
			.param("y", school.yearId()).query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void holidaysMustLieInsideTheYear() throws Exception {
		mvc.perform(post("/admin/year/" + school.yearId() + "/holidays").with(data.as(admin)).with(csrf())
			.param("holidayName", "Летние").param("holidayFrom", "2027-06-01").param("holidayTo", "2027-08-31"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"e-holidayFrom\"")));
		mvc.perform(post("/admin/year/" + school.yearId() + "/holidays").with(data.as(admin)).with(csrf())
			.param("holidayName", "").param("holidayFrom", "2026-10-27").param("holidayTo", "2026-11-04"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"e-holidayName\"")));
		assertThat(holidays(school.yearId())).isZero();
		mvc.perform(post("/admin/year/" + school.yearId() + "/holidays").with(data.as(admin)).with(csrf())
			.param("holidayName", "Осенние каникулы").param("holidayFrom", "2026-10-27").param("holidayTo", "2026-11-04"))
			.andExpect(status().is3xxRedirection());
		assertThat(holidays(school.yearId())).isEqualTo(1);
	}

	@Test
	void nextYearIsCreatedAndMadeCurrent() throws Exception {
		Document form = Jsoup.parse(mvc.perform(get("/admin/year/new").with(data.as(admin))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(form.select("#f-name").val()).isEqualTo("2027/2028");
		assertThat(form.select("#f-startsOn").val()).isEqualTo("2027-09-01");

		mvc.perform(post("/admin/year/new").with(data.as(admin)).with(csrf()).param("name", "2026/2027")
			.param("startsOn", "2027-09-01").param("endsOn", "2028-05-31"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"e-name\"")));
		assertThat(years()).isEqualTo(1);

		mvc.perform(post("/admin/year/new").with(data.as(admin)).with(csrf()).param("name", "2027/2028")
			.param("startsOn", "2027-09-01").param("endsOn", "2028-05-31").param("current", "on"))
			.andExpect(status().is3xxRedirection());
		assertThat(db.sql("select name from school_academic_year where institution_id = :i and current_year")
			.param("i", school.id()).query(String.class).list()).containsExactly("2027/2028");
	}

	@Test
	void anotherSchoolsYearSchemeAndHolidayAreNotFoundAndUntouched() throws Exception {
		Account otherAdmin = data.schoolAdmin(other);
		mvc.perform(post("/admin/year/" + other.yearId() + "/schemes").with(data.as(otherAdmin)).with(csrf())
			.param("scheme", "HALF_YEAR").param("gradeFrom", "1").param("gradeTo", "11").param("start1", "2026-09-01")
			.param("end1", "2026-12-28").param("start2", "2027-01-09").param("end2", "2027-05-31"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/year/" + other.yearId() + "/holidays").with(data.as(otherAdmin)).with(csrf())
			.param("holidayName", "Зимние").param("holidayFrom", "2026-12-29").param("holidayTo", "2027-01-08"))
			.andExpect(status().is3xxRedirection());
		long otherScheme = db.sql("select min(id) from school_study_period where academic_year_id = :y")
			.param("y", other.yearId()).query(Long.class).single();
		long otherHoliday = db.sql("select id from school_holiday where academic_year_id = :y")
			.param("y", other.yearId()).query(Long.class).single();

		mvc.perform(get("/admin/year/" + other.yearId()).with(data.as(admin))).andExpect(status().isNotFound());
		mvc.perform(post("/admin/year/" + other.yearId()).with(data.as(admin)).with(csrf()).param("name", "2030/2031")
			.param("startsOn", "2030-09-01").param("endsOn", "2031-05-31")).andExpect(status().isNotFound());
		mvc.perform(post("/admin/year/" + other.yearId() + "/current").with(data.as(admin)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/year/schemes/" + otherScheme).with(data.as(admin))).andExpect(status().isNotFound());
		mvc.perform(post("/admin/year/schemes/" + otherScheme + "/delete").with(data.as(admin)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/year/holidays/" + otherHoliday + "/delete").with(data.as(admin)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/year/" + other.yearId() + "/holidays").with(data.as(admin)).with(csrf())
			.param("holidayName", "Чужие").param("holidayFrom", "2027-03-23").param("holidayTo", "2027-03-31"))
			.andExpect(status().isNotFound());

		assertThat(db.sql("select name from school_academic_year where id = :y").param("y", other.yearId())
			.query(String.class).single()).isEqualTo("2026/2027");
		assertThat(db.sql("select count(*) from school_study_period where academic_year_id = :y")
			.param("y", other.yearId()).query(Long.class).single()).isEqualTo(2);
		assertThat(holidays(other.yearId())).isEqualTo(1);
	}

	@Test
	void aTeacherCannotOpenTheYearPage() throws Exception {
		long staff = data.staff(school, "Иванова", "Анна", "TEACHER");
		Account teacher = data.account("Иванова Анна", TestData.grant(ru.eschool.shared.Role.TEACHER, school, staff));
		mvc.perform(get("/admin/year").with(data.as(teacher))).andExpect(status().isForbidden());
	}

	private MockHttpServletRequestBuilder quarters(int from, int to) {
		return scheme("QUARTER", from, to, "2026-09-01", "2026-10-26", "2026-11-05", "2026-12-28", "2027-01-09",
				"2027-03-22", "2027-04-01", "2027-05-31");
	}

	private MockHttpServletRequestBuilder scheme(String type, int from, int to, String... dates) {
		MockHttpServletRequestBuilder post = post("/admin/year/" + school.yearId() + "/schemes").with(data.as(admin))
			.with(csrf()).param("scheme", type).param("gradeFrom", String.valueOf(from))
			.param("gradeTo", String.valueOf(to));
		for (int i = 0; i < dates.length / 2; i++) {
			post.param("start" + (i + 1), dates[2 * i]).param("end" + (i + 1), dates[2 * i + 1]);
		}
		return post;
	}

	private long periods() {
		return db.sql("select count(*) from school_study_period where academic_year_id = :y").param("y", school.yearId())
			.query(Long.class).single();
	}

	private long holidays(long yearId) {
		return db.sql("select count(*) from school_holiday where academic_year_id = :y").param("y", yearId)
			.query(Long.class).single();
	}

	private long years() {
		return db.sql("select count(*) from school_academic_year where institution_id = :i").param("i", school.id())
			.query(Long.class).single();
	}
}
