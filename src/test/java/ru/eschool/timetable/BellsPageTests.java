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

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/** The bells page: a proposal to start from, a message per field, saving replaces the schedule. */
@EschoolTest
class BellsPageTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;

	School school;
	Account admin;

	@BeforeEach
	void setUp() {
		school = data.school();
		admin = data.schoolAdmin(school);
	}

	long bells() {
		return db.sql("select count(*) from timetable_bell where institution_id = :i").param("i", school.id())
			.query(Long.class).single();
	}

	@Test
	void aSchoolWithoutBellsIsOfferedTheProposalAndSavesIt() throws Exception {
		Document page = Jsoup.parse(mvc.perform(get("/admin/bells").with(data.as(admin))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(page.select("#f-b1_1_start").val()).isEqualTo("08:30");
		assertThat(page.select("#f-b1_3_start").val()).isEqualTo("10:30");
		var save = post("/admin/bells").with(data.as(admin)).with(csrf()).param("shifts", "1");
		for (var input : page.select("form[method=post] input[type=time]")) {
			save.param(input.attr("name"), input.val());
		}
		mvc.perform(save).andExpect(redirectedUrl("/admin/bells"));
		assertThat(bells()).isEqualTo(7);
	}

	@Test
	void badTimesGetAMessageNextToEachFieldAndNothingIsSaved() throws Exception {
		Document page = Jsoup.parse(mvc.perform(post("/admin/bells").with(data.as(admin)).with(csrf())
			.param("shifts", "1").param("b1_1_start", "07:30").param("b1_1_end", "08:30")
			.param("b1_2_start", "08:35").param("b1_2_end", "09:30")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString());
		assertThat(page.select("#e-b1_1_start").text()).contains("08:00");
		assertThat(page.select("#e-b1_1_end").text()).contains("60").contains("45");
		assertThat(page.select("#e-b1_2_start").text()).contains("10");
		assertThat(page.select("#e-b1_2_end").text()).contains("55");
		assertThat(page.select("#f-b1_2_end").val()).isEqualTo("09:30");
		assertThat(bells()).isZero();
	}

	@Test
	void twoShiftsAreSavedAndShownAgain() throws Exception {
		mvc.perform(post("/admin/bells").with(data.as(admin)).with(csrf()).param("shifts", "2")
			.param("b1_1_start", "08:00").param("b1_1_end", "08:45").param("b2_1_start", "13:30")
			.param("b2_1_end", "14:15").param("b2_2_start", "14:25").param("b2_2_end", "15:10"))
			.andExpect(redirectedUrl("/admin/bells"));
		assertThat(bells()).isEqualTo(3);
		Document page = Jsoup.parse(mvc.perform(get("/admin/bells").with(data.as(admin))).andReturn().getResponse()
			.getContentAsString());
		assertThat(page.select("#f-b2_2_start").val()).isEqualTo("14:25");
		assertThat(page.select("#f-b1_2_start").val()).isEmpty();
	}

	@Test
	void aSlotUsedByAWeeklyTimetableCannotBeDropped() throws Exception {
		TimetableMother mother = new TimetableMother(db, data);
		School withBells = mother.school();
		Account otherAdmin = data.schoolAdmin(withBells);
		long klass = data.schoolClass(withBells, 5, "А");
		mother.entry(withBells, klass, null, 1, 7, data.subject(withBells, "Музыка"), mother.teacher(withBells, "Петрова"),
				null);
		Document page = Jsoup.parse(mvc.perform(post("/admin/bells").with(data.as(otherAdmin)).with(csrf())
			.param("shifts", "1").param("b1_1_start", "08:30").param("b1_1_end", "09:15")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(page.select(".alert.err").text()).contains("7");
	}

	@Test
	void onlyTheSchoolAdminSeesTheBells() throws Exception {
		long child = data.student(school, data.schoolClass(school, 2, "А"), "Иванов", "Петя");
		Account guardian = data.account("Мама", TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Иванова", "Анна", child)));
		mvc.perform(get("/admin/bells").with(data.as(guardian))).andExpect(status().isForbidden());
		Account teacher = data.account("Учитель", TestData.grant(Role.TEACHER, school, data.staff(school, "Т", "Т", "TEACHER")));
		mvc.perform(post("/admin/bells").with(data.as(teacher)).with(csrf()).param("shifts", "1")
			.param("b1_1_start", "08:30").param("b1_1_end", "09:15")).andExpect(status().isForbidden());
		assertThat(bells()).isZero();
	}
}
