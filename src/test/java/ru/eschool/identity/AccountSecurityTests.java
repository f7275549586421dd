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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.audit.AuditLog;
import ru.eschool.audit.AuditLog.Outcome;
import ru.eschool.shared.Role;

/**
 * The region's policy (guardians sign in only through the state provider from a date), the
 * school's one-time sign-in code that keeps them in, and the list of sessions with
 * "sign out everywhere else".
 */
@EschoolTest
@TestPropertySource(properties = "eschool.identity.policy.federated-only-from.GUARDIAN=2015-12-01")
class AccountSecurityTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired AuditLog audit;
	@Autowired Invitations invitations;

	Cookie signIn(String login, String address) throws Exception {
		MvcResult r = mvc.perform(post("/login").with(csrf()).param("username", login).param("password", "password1")
			.with(req -> {
				req.setRemoteAddr(address);
				return req;
			})).andReturn();
		assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/");
		return r.getResponse().getCookie("SESSION");
	}

	@Test
	void underAFederatedOnlyPolicyAGuardiansPasswordIsRefusedButASchoolCodeLetsThemIn() throws Exception {
		School school = data.school();
		long child = data.student(school, data.schoolClass(school, 4, "А"), "Гусев", "Лёва");
		long person = data.guardian(school, "Гусева", "Вера", child);
		Account guardian = data.account("Гусева Вера", TestData.grant(Role.GUARDIAN, school, person));
		mvc.perform(post("/login").with(csrf()).param("username", guardian.login()).param("password", "password1"))
			.andExpect(redirectedUrl("/login?error=federatedOnly"));
		mvc.perform(get("/login").param("error", "federatedOnly"))
			.andExpect(content().string(containsString("по одноразовому коду из школы")));
		assertThat(audit.of(guardian.id())).anyMatch(e -> "password:federated-only".equals(e.detail()));

		// the school issues a one-time code for the person (as for a lost letter)
		String code = invitations.issue(List.of(new Invitations.Request(Role.GUARDIAN, school.id(), person,
				"Гусева Вера")), 0).get(0).code();
		MvcResult in = mvc.perform(post("/signin/code").with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/account?codeSignIn")).andReturn();
		mvc.perform(get("/account").cookie(in.getResponse().getCookie("SESSION"))).andExpect(status().isOk())
			.andExpect(content().string(containsString(guardian.login())));
		// once
		mvc.perform(post("/signin/code").with(csrf()).param("code", code)).andExpect(status().isOk())
			.andExpect(content().string(containsString("уже использован")));
		assertThat(audit.of(guardian.id())).anyMatch(e -> "code".equals(e.detail()) && e.outcome() == Outcome.SUCCESS);
	}

	@Test
	void aSchoolCodeResetsAForgottenPassword() throws Exception {
		School school = data.school();
		long person = data.staff(school, "Забывчивая", "Нина", "TEACHER");
		Account teacher = data.account("Забывчивая Нина", TestData.grant(Role.TEACHER, school, person));
		String code = invitations.issue(List.of(new Invitations.Request(Role.TEACHER, school.id(), person,
				"Забывчивая Нина")), 0).get(0).code();
		Cookie session = mvc.perform(post("/signin/code").with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/account?codeSignIn")).andReturn().getResponse().getCookie("SESSION");
		mvc.perform(get("/account").cookie(session)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"current\""))));
		mvc.perform(post("/account/password").with(csrf()).cookie(session).param("password", "new-password-1")
			.param("confirm", "new-password-1")).andExpect(redirectedUrl("/account"));
		mvc.perform(post("/login").with(csrf()).param("username", teacher.login()).param("password", "new-password-1"))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void otherRolesKeepTheirPasswords() throws Exception {
		School school = data.school();
		Account teacher = data.account("Ильина Ольга",
				TestData.grant(Role.TEACHER, school, data.staff(school, "Ильина", "Ольга", "TEACHER")));
		signIn(teacher.login(), "10.8.0.9");
	}

	@Test
	void aPersonSeesTheirSessionsAndSignsOutEverywhereElse() throws Exception {
		School school = data.school();
		Account teacher = data.account("Орлов Пётр",
				TestData.grant(Role.TEACHER, school, data.staff(school, "Орлов", "Пётр", "TEACHER")));
		Cookie laptop = signIn(teacher.login(), "10.8.0.1");
		Cookie phone = signIn(teacher.login(), "10.8.0.2");
		mvc.perform(get("/account").cookie(laptop)).andExpect(status().isOk())
			.andExpect(content().string(containsString("этот браузер")))
			.andExpect(content().string(containsString("/account/sessions/others")))
			.andExpect(content().string(containsString("Последние входы")));

		mvc.perform(post("/account/sessions/others").with(csrf()).cookie(laptop))
			.andExpect(redirectedUrl("/account?signedOutOthers"));
		mvc.perform(get("/").cookie(phone)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/").cookie(laptop)).andExpect(status().isOk());
		assertThat(audit.of(teacher.id())).anyMatch(e -> e.kind().equals("SIGN_OUT_OTHERS"))
			.anyMatch(e -> e.kind().equals("SIGN_IN") && "10.8.0.2".equals(e.address()));
	}
}
