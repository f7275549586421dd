package ru.eschool.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.identity.AccountProvisioning.Grant;
import ru.eschool.shared.Role;

/** The lines that admins must not cross with codes and roles, and access that must end. */
@EschoolTest
class AccessRevocationTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired Invitations invitations;

	@Test
	void anAdminCannotRedeemACodeTheyIssuedThemselves() throws Exception {
		School school = data.school();
		long c = data.schoolClass(school, 4, "А");
		long child = data.student(school, c, "Ершова", "Лиза");
		long guardian = data.guardian(school, "Ершов", "Олег", child);
		Account admin = data.schoolAdmin(school);
		String code = invitations.issue(List.of(new Invitations.Request(Role.GUARDIAN, school.id(), guardian,
				"Ершов Олег")), admin.id()).get(0).code();
		mvc.perform(post("/register/code").with(data.as(admin)).with(csrf()).param("code", code))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Этот код выдали вы сами")));
		assertThat(db.sql("select count(*) from identity_role_grant where account_id = :a").param("a", admin.id())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aRegionalAdminCannotPrintANewCodeForARegisteredSchoolAdmin() throws Exception {
		School school = data.school();
		long director = data.staff(school, "Директорова", "Нина", "DIRECTOR");
		data.account("Директорова Нина", TestData.grant(Role.SCHOOL_ADMIN, school, director));
		Account region = data.account("Регион", new Grant(Role.REGION_ADMIN, null, null));
		mvc.perform(post("/region/institutions/" + school.id() + "/admins/" + director + "/code").with(data.as(region))
			.with(csrf())).andExpect(status().isNotFound());
		assertThat(db.sql("select count(*) from identity_invitation where person_id = :p").param("p", director)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aDeactivatedTeacherLosesRolesCodesAndSessionsAtOnce() throws Exception {
		School school = data.school();
		long c = data.schoolClass(school, 6, "В");
		long student = data.student(school, c, "Громов", "Петя");
		long staff = data.staff(school, "Уходящая", "Вера", "TEACHER");
		data.assign(staff, data.subject(school, "Химия"), c);
		Account teacher = data.account("Уходящая Вера", TestData.grant(Role.TEACHER, school, staff));
		invitations.issue(List.of(new Invitations.Request(Role.SCHOOL_ADMIN, school.id(), staff, "Уходящая Вера")), 0);
		Cookie session = mvc.perform(post("/login").with(csrf()).param("username", teacher.login())
			.param("password", "password1")).andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
		mvc.perform(get("/students/" + student).cookie(session)).andExpect(status().isOk());

		Account admin = data.schoolAdmin(school);
		mvc.perform(post("/admin/staff/" + staff + "/deactivate").with(data.as(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(db.sql("select count(*) from identity_role_grant where account_id = :a").param("a", teacher.id())
			.query(Long.class).single()).isZero();
		assertThat(invitations.pending(Role.SCHOOL_ADMIN, List.of(staff))).isEmpty();
		mvc.perform(get("/students/" + student).cookie(session)).andExpect(status().is3xxRedirection());
		// even a principal still held somewhere else no longer reaches the students
		mvc.perform(get("/students/" + student).with(data.asWithGrants(teacher, Role.TEACHER, school, staff)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aPasswordLongerThanBcryptReadsIsRefusedWithAMessage() throws Exception {
		School school = data.school();
		Account admin = data.schoolAdmin(school);
		String longCyrillic = "пароль".repeat(7);
		mvc.perform(post("/account/password").with(data.as(admin)).with(csrf()).param("current", "password1")
			.param("password", longCyrillic).param("confirm", longCyrillic))
			.andExpect(status().isOk()).andExpect(content().string(containsString("не больше 72 байт")));
	}

	@Test
	void theLanguageLinkOfAPageRenderedAfterAPostLeadsHome() throws Exception {
		mvc.perform(post("/register/code").with(csrf()).param("code", ""))
			.andExpect(content().string(containsString("href=\"/?lang=en\"")));
		mvc.perform(get("/help?x=1"))
			.andExpect(content().string(containsString("href=\"/help?x=1&amp;lang=en\"")));
	}
}
