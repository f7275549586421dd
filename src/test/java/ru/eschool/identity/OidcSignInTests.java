package ru.eschool.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.nimbusds.jose.jwk.RSAKey;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.audit.AuditLog;
import ru.eschool.audit.AuditLog.Outcome;
import ru.eschool.identity.internal.federation.FederationSettings;
import ru.eschool.shared.Role;

/**
 * Sign-in through a standard OpenID Connect provider (stubbed, with its own key): the request
 * carries state, nonce and PKCE and only the minimal scopes; an unknown identity is linked on the
 * linking page, then signs straight in; every bad answer is refused with a page and changes nothing.
 */
@EschoolTest
class OidcSignInTests {

	static final ProviderStub idp = new ProviderStub();
	static final String ISSUER = idp.url("/idp");
	static final String CLIENT = "eschool-test";

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry r) {
		r.add("eschool.identity.federation.profile", () -> "oidc");
		r.add("eschool.identity.federation.provider", () -> "test-idp");
		r.add("eschool.identity.federation.issuer", () -> ISSUER);
		r.add("eschool.identity.federation.authorization-uri", () -> idp.url("/authorize"));
		r.add("eschool.identity.federation.token-uri", () -> idp.url("/token"));
		r.add("eschool.identity.federation.jwk-set-uri", () -> idp.url("/jwks"));
		r.add("eschool.identity.federation.client-id", () -> CLIENT);
		r.add("eschool.identity.federation.client-secret", () -> "secret");
	}

	@AfterAll
	static void stop() {
		idp.server.stop();
	}

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired AuditLog audit;
	@Autowired Invitations invitations;

	/** A browser: keeps the SESSION cookie (sessions live in Spring Session, not in the mock container). */
	final class Visitor {

		Cookie cookie;

		ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
			if (cookie != null) {
				request.cookie(cookie);
			}
			ResultActions result = mvc.perform(request);
			Cookie c = result.andReturn().getResponse().getCookie("SESSION");
			if (c != null) {
				cookie = c.getMaxAge() == 0 ? null : c;
			}
			return result;
		}
	}

	record Started(Visitor session, Map<String, String> params) {
		String state() {
			return params.get("state");
		}

		String nonce() {
			return params.get("nonce");
		}
	}

	Started start(Visitor session) throws Exception {
		String location = session.perform(get("/oauth2/authorization/gosuslugi"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith(idp.url("/authorize"));
		return new Started(session, ProviderStub.query(location));
	}

	/** The provider answers the callback with an ID token built from these claims. */
	String callback(Started s, String code, Consumer<Map<String, Object>> change, RSAKey signer) throws Exception {
		Map<String, Object> claims = idp.claims(ISSUER, CLIENT, subject, s.nonce());
		claims.put("name", "Соколова Анна Петровна");
		change.accept(claims);
		idp.tokenAnswers("/token", idp.idToken(claims, signer));
		return s.session().perform(get("/login/oauth2/code/gosuslugi").param("code", code).param("state", s.state())
			).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
	}

	String subject = "subject-" + TestData.next();

	String signInAtProvider(Visitor session) throws Exception {
		return callback(start(session), "code-" + TestData.next(), c -> {
		}, idp.key);
	}

	long links() {
		return db.sql("select count(*) from identity_federated_link").query(Long.class).single();
	}

	long accounts() {
		return db.sql("select count(*) from identity_account").query(Long.class).single();
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	Account guardian() {
		School school = data.school();
		long child = data.student(school, data.schoolClass(school, 3, "Б"), "Соколов", "Миша");
		return data.account("Соколова Анна", TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Соколова", "Анна", child)));
	}

	@Test
	void theAuthorizationRequestCarriesStateNonceAndPkceAndOnlyTheMinimalScopes() throws Exception {
		Started s = start(new Visitor());
		assertThat(s.params()).containsEntry("response_type", "code").containsEntry("client_id", CLIENT)
			.containsEntry("code_challenge_method", "S256").containsKeys("state", "nonce", "code_challenge");
		List<String> scopes = List.of(s.params().get("scope").split(" "));
		assertThat(scopes).containsExactlyInAnyOrder("openid", "fullname");
		assertThat(scopes).doesNotContain("snils", "inn", "id_doc", "birthdate", "email", "mobile")
			.noneMatch(x -> x.startsWith("kid_"));
	}

	@Test
	void personalDocumentScopesCannotEvenBeConfigured() {
		for (String scope : List.of("snils", "inn", "id_doc", "birthdate", "kid_snils", "email")) {
			assertThatThrownBy(() -> new FederationSettings("oidc", "x", null, null, null, null, null, "c", null,
					List.of("openid", scope), true, new FederationSettings.Esia(null, null, null, null, null)))
				.as(scope).isInstanceOf(IllegalStateException.class);
		}
		FederationSettings ok = new FederationSettings("oidc", "x", null, null, null, null, null, "c", null,
				List.of("openid", "fullname"), true, new FederationSettings.Esia(null, null, null, null, null));
		assertThat(ok.withChannels(List.of("email"))).containsExactly("openid", "fullname", "email");
	}

	@Test
	void theLoginPageOffersTheStateProvider() throws Exception {
		mvc.perform(get("/login")).andExpect(content().string(containsString("/oauth2/authorization/gosuslugi")))
			.andExpect(content().string(containsString("Войти через Госуслуги")));
	}

	@Test
	void anUnknownIdentityIsLinkedWithTheDiaryPasswordAndThenSignsStraightIn() throws Exception {
		Account account = guardian();
		Visitor session = new Visitor();
		assertThat(signInAtProvider(session)).isEqualTo("/signin/link");
		// nobody is signed in while the identity is not linked
		session.perform(get("/account")).andExpect(status().is3xxRedirection());
		session.perform(get("/signin/link")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Соколова Анна Петровна")));

		session.perform(post("/signin/link/account").with(csrf()).param("login", account.login())
			.param("password", "password1")).andExpect(redirectedUrl("/?linked"));
		assertThat(db.sql("select account_id, provider, subject from identity_federated_link where subject = :s")
			.param("s", subject).query().listOfRows())
			.containsExactly(Map.of("account_id", account.id(), "provider", "test-idp", "subject", subject));
		session.perform(get("/account")).andExpect(status().isOk())
			.andExpect(content().string(containsString(account.login())));

		// next time: straight in
		Visitor next = new Visitor();
		assertThat(signInAtProvider(next)).isEqualTo("/");
		next.perform(get("/account")).andExpect(status().isOk())
			.andExpect(content().string(containsString(account.login())));

		List<AuditLog.Entry> log = audit.of(account.id());
		assertThat(log).anyMatch(e -> e.kind().equals("LINK") && e.outcome() == Outcome.SUCCESS);
		assertThat(log.stream().filter(e -> e.kind().equals("SIGN_IN") && e.outcome() == Outcome.SUCCESS)).hasSize(2);
		assertThat(log).allMatch(e -> e.address() != null && e.at() != null);
	}

	@Test
	void aWrongPasswordOnTheLinkingPageLinksNothingAndIsThrottledLikeTheLoginPage() throws Exception {
		Account account = guardian();
		Visitor session = new Visitor();
		signInAtProvider(session);
		long before = links();
		for (int i = 0; i < 5; i++) {
			session.perform(post("/signin/link/account").with(csrf()).with(from("10.9.0.1"))
				.param("login", account.login()).param("password", "wrong-" + i))
				.andExpect(status().isOk()).andExpect(content().string(containsString("Неверный логин или пароль")));
		}
		// blocked now, even with the right password
		session.perform(post("/signin/link/account").with(csrf()).with(from("10.9.0.1"))
			.param("login", account.login()).param("password", "password1"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Слишком много неудачных попыток")));
		assertThat(links()).isEqualTo(before);
		assertThat(audit.of(account.id())).anyMatch(e -> e.kind().equals("LINK") && e.outcome() == Outcome.BLOCKED)
			.anyMatch(e -> e.kind().equals("LINK") && e.outcome() == Outcome.FAILURE && "10.9.0.1".equals(e.address()));
	}

	@Test
	void anUnknownIdentityRegistersWithASchoolCodeAndConsent() throws Exception {
		School school = data.school();
		long child = data.student(school, data.schoolClass(school, 2, "А"), "Лебедев", "Коля");
		long guardian = data.guardian(school, "Лебедева", "Ольга", child);
		String code = invitations.issue(List.of(new Invitations.Request(Role.GUARDIAN, school.id(), guardian,
				"Лебедева Ольга")), 0).get(0).code();
		Visitor session = new Visitor();
		signInAtProvider(session);
		session.perform(post("/signin/link/code").with(csrf()).param("code", code))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Лебедева Ольга")));
		String login = "olga" + TestData.next();
		long before = accounts();
		session.perform(post("/signin/link/register").with(csrf()).param("code", code)
			.param("login", login)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Без согласия")));
		assertThat(accounts()).isEqualTo(before);

		session.perform(post("/signin/link/register").with(csrf()).param("code", code)
			.param("login", login).param("consent", "true")).andExpect(redirectedUrl("/?welcome"));
		Map<String, Object> row = db.sql("""
				select a.password_hash, a.display_name, l.subject from identity_account a
				join identity_federated_link l on l.account_id = a.id where a.login = :l""").param("l", login)
			.query().singleRow();
		assertThat(row.get("password_hash")).isNull();
		assertThat(row.get("display_name")).isEqualTo("Лебедева Ольга");
		assertThat(row.get("subject")).isEqualTo(subject);
		assertThat(db.sql("select count(*) from identity_consent c join identity_account a on a.id = c.account_id where a.login = :l")
			.param("l", login).query(Long.class).single()).isEqualTo(1);
		// an account without a password has no password way in
		mvc.perform(post("/login").with(csrf()).param("username", login).param("password", ""))
			.andExpect(redirectedUrl("/login?error=bad"));
	}

	@Test
	void aWrongStateIsRefusedWithAPageAndChangesNothing() throws Exception {
		Started s = start(new Visitor());
		long links = links();
		String target = s.session().perform(get("/login/oauth2/code/gosuslugi").param("code", "c").param("state", "forged")
			).andReturn().getResponse().getRedirectedUrl();
		assertThat(target).isEqualTo("/signin/failed?reason=state");
		mvc.perform(get(target)).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("не относится к этому входу")));
		assertThat(links()).isEqualTo(links);
		assertThat(audit.latest("SIGN_IN", 1)).first()
			.satisfies(e -> assertThat(e.detail()).isEqualTo("federated:authorization_request_not_found"));
	}

	@Test
	void aReplayedCallbackIsRefused() throws Exception {
		Account account = guardian();
		Visitor session = new Visitor();
		Started s = start(session);
		assertThat(callback(s, "code-once", c -> {
		}, idp.key)).isEqualTo("/signin/link");
		session.perform(post("/signin/link/account").with(csrf()).param("login", account.login())
			.param("password", "password1")).andExpect(redirectedUrl("/?linked"));
		long links = links();
		String again = (new Visitor()).perform(get("/login/oauth2/code/gosuslugi").param("code", "code-once").param("state", s.state())
			).andReturn().getResponse().getRedirectedUrl();
		assertThat(again).isEqualTo("/signin/failed?reason=state");
		String sameSession = session.perform(get("/login/oauth2/code/gosuslugi").param("code", "code-once")
			.param("state", s.state())).andReturn().getResponse().getRedirectedUrl();
		assertThat(sameSession).isEqualTo("/signin/failed?reason=state");
		assertThat(links()).isEqualTo(links);
	}

	void refused(Consumer<Map<String, Object>> change, RSAKey signer) throws Exception {
		long links = links();
		long accounts = accounts();
		Visitor session = new Visitor();
		assertThat(callback(start(session), "c-" + TestData.next(), change, signer))
			.isEqualTo("/signin/failed?reason=token");
		mvc.perform(get("/signin/failed?reason=token")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("неверное или просроченное")));
		session.perform(get("/signin/link")).andExpect(redirectedUrl("/signin/failed?reason=expired"));
		assertThat(links()).isEqualTo(links);
		assertThat(accounts()).isEqualTo(accounts);
	}

	@Test
	void anExpiredIdTokenIsRefused() throws Exception {
		refused(c -> {
			c.put("iat", java.time.Instant.now().minusSeconds(7200));
			c.put("exp", java.time.Instant.now().minusSeconds(3600));
		}, idp.key);
	}

	@Test
	void aWronglySignedIdTokenIsRefused() throws Exception {
		refused(c -> {
		}, idp.forger);
	}

	@Test
	void anIdTokenForAnotherAudienceIsRefused() throws Exception {
		refused(c -> c.put("aud", List.of("another-client")), idp.key);
	}

	@Test
	void anIdTokenFromAnotherIssuerIsRefused() throws Exception {
		refused(c -> c.put("iss", idp.url("/evil")), idp.key);
	}

	@Test
	void anIdTokenWithAnotherNonceIsRefused() throws Exception {
		refused(c -> c.put("nonce", "replayed-nonce"), idp.key);
	}

	@Test
	void theProfileListsLinksAndUnlinksOnlyWhileAnotherWayInRemains() throws Exception {
		Account account = guardian();
		Visitor session = new Visitor();
		signInAtProvider(session);
		session.perform(post("/signin/link/account").with(csrf()).param("login", account.login())
			.param("password", "password1")).andExpect(redirectedUrl("/?linked"));
		long link = db.sql("select id from identity_federated_link where subject = :s").param("s", subject)
			.query(Long.class).single();
		session.perform(get("/account")).andExpect(status().isOk())
			.andExpect(content().string(containsString("/account/identities/" + link + "/unlink")))
			.andExpect(content().string(containsString("Последние входы")));

		// without a password the link is the only way in
		db.sql("update identity_account set password_hash = null where id = :id").param("id", account.id()).update();
		session.perform(post("/account/identities/" + link + "/unlink").with(csrf()))
			.andExpect(redirectedUrl("/account?lastWayIn"));
		assertThat(links()).isPositive();
		assertThat(db.sql("select count(*) from identity_federated_link where id = :id").param("id", link)
			.query(Long.class).single()).isEqualTo(1);

		db.sql("update identity_account set password_hash = '{noop}password1' where id = :id")
			.param("id", account.id()).update();
		session.perform(post("/account/identities/" + link + "/unlink").with(csrf()))
			.andExpect(redirectedUrl("/account?unlinked"));
		assertThat(db.sql("select count(*) from identity_federated_link where id = :id").param("id", link)
			.query(Long.class).single()).isZero();
		assertThat(audit.of(account.id())).anyMatch(e -> e.kind().equals("UNLINK") && e.outcome() == Outcome.SUCCESS)
			.anyMatch(e -> e.kind().equals("UNLINK") && e.outcome() == Outcome.FAILURE);
	}
}
