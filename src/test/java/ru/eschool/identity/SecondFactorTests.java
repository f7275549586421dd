package ru.eschool.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.audit.AuditLog;
import ru.eschool.audit.AuditLog.Outcome;
import ru.eschool.identity.internal.Totp;
import ru.eschool.identity.internal.TotpVectors;
import ru.eschool.shared.Role;

/** School and regional admins confirm a TOTP code before their session gets the admin role. */
@EschoolTest
@TestPropertySource(properties = "eschool.identity.totp.required-for-admins=true")
class SecondFactorTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired AuditLog audit;

	Cookie cookie;

	ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		if (cookie != null) {
			request.cookie(cookie);
		}
		ResultActions result = mvc.perform(request.with(r -> {
			r.setRemoteAddr("10.7.0.1");
			return r;
		}));
		Cookie c = result.andReturn().getResponse().getCookie("SESSION");
		if (c != null) {
			cookie = c;
		}
		return result;
	}

	@Test
	void theCodesAreThoseOfRfc6238() {
		byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
		// RFC 6238 appendix B, SHA-1: time → 8-digit code; our 6 digits are its last six
		long[] times = { 59, 1111111109, 1111111111, 1234567890, 2000000000, 20000000000L };
		String[] codes = { "94287082", "07081804", "14050471", "89005924", "69279037", "65353130" };
		for (int i = 0; i < times.length; i++) {
			long step = Totp.step(Instant.ofEpochSecond(times[i]));
			assertThat(TotpVectors.code(key, step, 8)).as("T=" + times[i]).isEqualTo(codes[i]);
			assertThat(TotpVectors.code(key, step, 6)).isEqualTo(codes[i].substring(2));
		}
		String secret = TotpVectors.base32(key);
		assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		Instant at = Instant.ofEpochSecond(1111111111);
		assertThat(Totp.matchingStep(secret, "050471", at)).isPresent();
		assertThat(Totp.matchingStep(secret, "081804", at)).as("one step back").isPresent();
		assertThat(Totp.matchingStep(secret, "287082", at)).isEmpty();
		assertThat(Totp.matchingStep(secret, "abc", at)).isEmpty();
	}

	@Test
	void anAdminEnrolsAndConfirmsACodeBeforeGettingTheAdminRole() throws Exception {
		School school = data.school();
		Account admin = data.schoolAdmin(school);
		perform(post("/login").with(csrf()).param("username", admin.login()).param("password", "password1"))
			.andExpect(redirectedUrl("/"));
		// no admin role yet: every page leads to the second step
		perform(get("/admin/invitations")).andExpect(redirectedUrl("/signin/totp"));
		perform(get("/")).andExpect(redirectedUrl("/signin/totp"));
		String page = perform(get("/signin/totp")).andExpect(status().isOk())
			.andExpect(content().string(containsString("otpauth://totp/e-School:" + admin.login())))
			.andReturn().getResponse().getContentAsString();
		String secret = db.sql("select secret from identity_totp where account_id = :a").param("a", admin.id())
			.query(String.class).single();
		assertThat(page).contains(secret);

		perform(post("/signin/totp").with(csrf()).param("code", "000000"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Код неверный")));
		perform(get("/admin/invitations")).andExpect(redirectedUrl("/signin/totp"));

		String code = Totp.code(secret, Instant.now());
		perform(post("/signin/totp").with(csrf()).param("code", code)).andExpect(redirectedUrl("/"));
		perform(get("/admin/invitations")).andExpect(status().isOk());
		assertThat(audit.of(admin.id())).anyMatch(e -> "totp".equals(e.detail()) && e.outcome() == Outcome.SUCCESS)
			.anyMatch(e -> "totp".equals(e.detail()) && e.outcome() == Outcome.FAILURE);

		// next sign-in: the same code cannot be used again
		cookie = null;
		perform(post("/login").with(csrf()).param("username", admin.login()).param("password", "password1"))
			.andExpect(redirectedUrl("/"));
		perform(get("/signin/totp")).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("otpauth://"))));
		perform(post("/signin/totp").with(csrf()).param("code", code)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Код неверный")));
	}

	@Test
	void otherRolesAreNotAsked() throws Exception {
		School school = data.school();
		long child = data.student(school, data.schoolClass(school, 1, "А"), "Ёлкин", "Ваня");
		Account guardian = data.account("Ёлкина Анна",
				TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Ёлкина", "Анна", child)));
		perform(post("/login").with(csrf()).param("username", guardian.login()).param("password", "password1"))
			.andExpect(redirectedUrl("/"));
		perform(get("/")).andExpect(status().isOk());
	}
}
