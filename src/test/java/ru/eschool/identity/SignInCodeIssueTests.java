package ru.eschool.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.audit.AuditLog;
import ru.eschool.shared.Role;

/** The school admin issues a one-time sign-in code for a person who already has an account. */
@EschoolTest
class SignInCodeIssueTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired AuditLog audit;

	@Test
	void theAdminIssuesASignInCodeFromTheGuardiansPageAndItSignsTheAccountIn() throws Exception {
		School school = data.school();
		long child = data.student(school, data.schoolClass(school, 6, "А"), "Лисин", "Олег");
		long person = data.guardian(school, "Лисина", "Анна", child);
		Account guardian = data.account("Лисина Анна", TestData.grant(Role.GUARDIAN, school, person));
		Account admin = data.schoolAdmin(school);

		mvc.perform(get("/admin/guardians/" + person).with(data.as(admin)))
			.andExpect(content().string(containsString("Выдать одноразовый код для входа")));
		mvc.perform(post("/admin/guardians/" + person + "/signin-code").with(csrf()).with(data.as(admin)))
			.andExpect(redirectedUrl("/admin/guardians/" + person + "/signin-code"));
		String page = mvc.perform(get("/admin/guardians/" + person + "/signin-code").with(data.as(admin)))
			.andExpect(status().isOk()).andExpect(content().string(containsString("/signin/code")))
			.andReturn().getResponse().getContentAsString();
		String code = Jsoup.parse(page).selectFirst("[data-code]").text();
		assertThat(audit.of(guardian.id())).anyMatch(e -> "SIGN_IN_CODE_ISSUED".equals(e.kind()));

		mvc.perform(post("/signin/code").with(csrf()).param("code", code)).andExpect(redirectedUrl("/account?codeSignIn"));
	}

	@Test
	void aTeacherWhoForgotTheirPasswordGetsACodeFromTheStaffPageButNotFromAnotherSchool() throws Exception {
		School school = data.school();
		long staff = data.staff(school, "Гусева", "Ольга", "TEACHER");
		Account teacher = data.account("Гусева Ольга", TestData.grant(Role.TEACHER, school, staff));
		Account admin = data.schoolAdmin(school);
		Account stranger = data.schoolAdmin(data.school());

		mvc.perform(get("/admin/staff/" + staff).with(data.as(admin)))
			.andExpect(content().string(containsString("/admin/staff/" + staff + "/signin-code")));
		mvc.perform(post("/admin/staff/" + staff + "/signin-code").with(csrf()).with(data.as(stranger)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/staff/" + staff + "/signin-code").with(csrf()).with(data.as(admin)))
			.andExpect(redirectedUrl("/admin/staff/" + staff + "/signin-code"));
		String page = mvc.perform(get("/admin/staff/" + staff + "/signin-code").with(data.as(admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String code = Jsoup.parse(page).selectFirst("[data-code]").text();
		assertThat(audit.of(teacher.id())).anyMatch(e -> "SIGN_IN_CODE_ISSUED".equals(e.kind()));
		mvc.perform(post("/signin/code").with(csrf()).param("code", code)).andExpect(redirectedUrl("/account?codeSignIn"));
	}

	@Test
	void anotherSchoolsAdminCannot() throws Exception {
		School school = data.school();
		long student = data.student(school, data.schoolClass(school, 8, "Б"), "Рыбин", "Глеб");
		data.account("Рыбин Глеб", TestData.grant(Role.STUDENT, school, student));
		Account stranger = data.schoolAdmin(data.school());
		mvc.perform(post("/admin/students/" + student + "/signin-code").with(csrf()).with(data.as(stranger)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/students/" + student + "/signin-code").with(data.as(stranger)))
			.andExpect(status().isNotFound());
	}
}
