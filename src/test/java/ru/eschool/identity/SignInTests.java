package ru.eschool.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/** Sign-in and the protections around it: hashing, throttling, CSRF, headers, sessions. */
@EschoolTest
class SignInTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Value("${spring.session.timeout}") String idleTimeout;
	@Autowired IdentitySettings settings;

	Account guardian;

	@BeforeEach
	void setUp() {
		School school = data.school();
		long c = data.schoolClass(school, 2, "А");
		long child = data.student(school, c, "Орлова", "Катя");
		guardian = data.account("Орлов Пётр", TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Орлов", "Пётр", child)));
	}

	private MockHttpServletRequestBuilder login(String login, String password, String address) {
		return post("/login").with(csrf()).param("username", login).param("password", password)
			.with(r -> {
				r.setRemoteAddr(address);
				return r;
			});
	}

	@Test
	void passwordsAreStoredAsBcryptHashesOnly() {
		String stored = db.sql("select password_hash from identity_account where id = :id").param("id", guardian.id())
			.query(String.class).single();
		assertThat(stored).startsWith("{bcrypt}$2").doesNotContain("password1");
	}

	@Test
	void signsInAndGetsANewSessionId() throws Exception {
		Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
		var result = mvc.perform(login(guardian.login(), "password1", "10.0.0.1").cookie(before))
			.andExpect(redirectedUrl("/")).andReturn();
		Cookie after = result.getResponse().getCookie("SESSION");
		assertThat(after).isNotNull();
		assertThat(after.getValue()).isNotEqualTo(before.getValue());
		mvc.perform(get("/").cookie(after)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Орлова Катя")));
	}

	@Test
	void aWrongPasswordSaysSoWithoutTellingWhetherTheLoginExists() throws Exception {
		mvc.perform(login(guardian.login(), "wrong", "10.0.0.2")).andExpect(redirectedUrl("/login?error=bad"));
		mvc.perform(login("nobody-" + TestData.next(), "wrong", "10.0.0.2")).andExpect(redirectedUrl("/login?error=bad"));
		mvc.perform(get("/login").param("error", "bad"))
			.andExpect(content().string(containsString("Неверный логин или пароль.")));
	}

	@Test
	void anAccountIsBlockedAfterFiveFailuresEvenForTheRightPassword() throws Exception {
		for (int i = 0; i < 5; i++) {
			mvc.perform(login(guardian.login(), "wrong" + i, "10.0.1." + i)).andExpect(redirectedUrl("/login?error=bad"));
		}
		mvc.perform(login(guardian.login(), "password1", "10.0.1.99"))
			.andExpect(redirectedUrl("/login?error=throttled&minutes=15"));
		mvc.perform(get("/login").param("error", "throttled").param("minutes", "15"))
			.andExpect(content().string(containsString("Попробуйте снова через 15 мин.")));
	}

	@Test
	void anAddressIsBlockedAfterManyFailuresAcrossAccounts() throws Exception {
		String address = "10.9." + (TestData.next() % 250) + ".7";
		for (int i = 0; i < settings.loginAttemptsPerAddress(); i++) {
			mvc.perform(login("spray" + i + "-" + TestData.next(), "x", address));
		}
		mvc.perform(login(guardian.login(), "password1", address))
			.andExpect(redirectedUrl("/login?error=throttled&minutes=15"));
		mvc.perform(login(guardian.login(), "password1", "10.9.251.1")).andExpect(redirectedUrl("/"));
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() throws Exception {
		mvc.perform(post("/login").param("username", guardian.login()).param("password", "password1"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/account/password").with(data.as(guardian)).param("current", "password1")
			.param("password", "newpassword").param("confirm", "newpassword")).andExpect(status().isForbidden());
	}

	@Test
	void everyPageForbidsInlineScriptAndFraming() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("style=\"")
			.doesNotContain("onclick=");
	}

	@Test
	void idleSessionsExpireAfterThirtyMinutes() {
		assertThat(idleTimeout).isEqualTo("30m");
	}

	@Test
	void changesThePasswordOnlyWithTheCurrentOne() throws Exception {
		mvc.perform(post("/account/password").with(data.as(guardian)).with(csrf()).param("current", "bad")
			.param("password", "another-pass").param("confirm", "another-pass"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Текущий пароль введён неверно.")));
		mvc.perform(post("/account/password").with(data.as(guardian)).with(csrf()).param("current", "password1")
			.param("password", "short").param("confirm", "short"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("от 8 до 128")));
		mvc.perform(post("/account/password").with(data.as(guardian)).with(csrf()).param("current", "password1")
			.param("password", "another-pass").param("confirm", "another-pass"))
			.andExpect(redirectedUrl("/account"));
		mvc.perform(login(guardian.login(), "another-pass", "10.0.3.1")).andExpect(redirectedUrl("/"));
	}

	@Test
	void logoutEndsTheSession() throws Exception {
		Cookie session = mvc.perform(login(guardian.login(), "password1", "10.0.4.1")).andReturn().getResponse()
			.getCookie("SESSION");
		mvc.perform(post("/logout").with(csrf()).cookie(session)).andExpect(redirectedUrl("/login?logout"));
		mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection());
	}
}
