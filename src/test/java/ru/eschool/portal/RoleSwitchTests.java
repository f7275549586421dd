package ru.eschool.portal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/** One account, two roles: a teacher who is also a parent switches in the header. */
@EschoolTest
class RoleSwitchTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;

	@Test
	void aTeacherWhoIsAlsoAParentSwitchesBetweenHomePages() throws Exception {
		School school = data.school();
		long c = data.schoolClass(school, 7, "Б");
		long child = data.student(school, c, "Лебедев", "Гоша");
		long staff = data.staff(school, "Лебедева", "Ирина", "TEACHER");
		long math = data.subject(school, "Физика");
		data.assign(staff, math, c);
		Account both = data.account("Лебедева Ирина", TestData.grant(Role.TEACHER, school, staff),
				TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Лебедева", "Ирина", child)));
		long guardianGrant = db.sql("select id from identity_role_grant where account_id = :a and role = 'GUARDIAN'")
			.param("a", both.id()).query(Long.class).single();

		mvc.perform(get("/").with(data.as(both))).andExpect(content().string(containsString("Физика")))
			.andExpect(content().string(containsString("role-switch")));
		Cookie session = mvc.perform(post("/account/role").with(data.as(both)).with(csrf())
			.param("grant", String.valueOf(guardianGrant))).andExpect(status().is3xxRedirection()).andReturn()
			.getResponse().getCookie("SESSION");
		mvc.perform(get("/").with(data.as(both)).cookie(session))
			.andExpect(content().string(containsString("Лебедев Гоша")))
			.andExpect(content().string(not(containsString("Физика"))));
	}

	@Test
	void aRoleOfAnotherAccountCannotBeChosen() throws Exception {
		School school = data.school();
		Account one = data.account("Один", TestData.grant(Role.TEACHER, school, data.staff(school, "Один", "А", "TEACHER")));
		Account other = data.account("Другой", TestData.grant(Role.SCHOOL_ADMIN, school, data.staff(school, "Другой", "Б", "DIRECTOR")));
		long foreign = db.sql("select id from identity_role_grant where account_id = :a").param("a", other.id())
			.query(Long.class).single();
		mvc.perform(post("/account/role").with(data.as(one)).with(csrf()).param("grant", String.valueOf(foreign)))
			.andExpect(status().isNotFound());
	}

	@Test
	void theLoginPageListsNoDemoAccountsOutsideTheDemoProfile() throws Exception {
		mvc.perform(get("/login")).andExpect(content().string(not(containsString("Демонстрационные"))));
	}
}
