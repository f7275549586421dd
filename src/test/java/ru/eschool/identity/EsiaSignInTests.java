package ru.eschool.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.identity.internal.federation.FederationSettings;
import ru.eschool.identity.internal.federation.KeyStoreCmsSigner;
import ru.eschool.shared.Role;

/**
 * The ESIA profile against a stub of ESIA's endpoints (WireMock): the authorization request goes
 * to v2/ac and the token request to v3/te, each with a timestamp, the certificate hash and a
 * client_secret that the stub verifies as a CMS signature with the test certificate (the token
 * request with a fresh state); the person's name comes from /rs/prns/{oid}; only the oid is kept.
 */
@EschoolTest
class EsiaSignInTests {

	static final ProviderStub esia = new ProviderStub();
	static final TestKeys.Issued system = TestKeys.rsa();
	static final Path keyStore = TestKeys.keyStore(system, "changeit");
	static final String CLIENT = "ESCHOOL-TEST";
	static final String OID = "1000299654";
	static final String TIMESTAMP = "\\d{4}\\.\\d{2}\\.\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}";

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry r) {
		r.add("eschool.identity.federation.profile", () -> "esia");
		r.add("eschool.identity.federation.client-id", () -> CLIENT);
		r.add("eschool.identity.federation.jwk-set-uri", () -> esia.url("/jwks"));
		r.add("eschool.identity.federation.esia.base-url", () -> esia.url(""));
		r.add("eschool.identity.federation.esia.key-store", keyStore::toString);
		r.add("eschool.identity.federation.esia.key-store-password", () -> "changeit");
	}

	@AfterAll
	static void stop() {
		esia.server.stop();
	}

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;

	Cookie cookie;

	ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		if (cookie != null) {
			request.cookie(cookie);
		}
		ResultActions result = mvc.perform(request);
		Cookie c = result.andReturn().getResponse().getCookie("SESSION");
		if (c != null) {
			cookie = c;
		}
		return result;
	}

	static String certificateHash() throws Exception {
		return HexFormat.of().withUpperCase()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(system.certificate().getEncoded()));
	}

	/** The stub's check of a token request: ESIA's parameters present and the secret signed by the system. */
	static boolean signedTokenRequest(Map<String, String> p) {
		return p.get("timestamp") != null && p.get("timestamp").matches(TIMESTAMP)
				&& "Bearer".equals(p.get("token_type")) && "authorization_code".equals(p.get("grant_type"))
				&& CLIENT.equals(p.get("client_id")) && p.get("code") != null && p.get("code_verifier") != null
				&& TestKeys.verifies(p.get("client_secret"),
						p.get("scope") + p.get("timestamp") + p.get("client_id") + p.get("state"), system.certificate());
	}

	static MatchResult signed(Request request) {
		return MatchResult.of(signedTokenRequest(ProviderStub.form(request.getBodyAsString())));
	}

	@Test
	void signsInThroughEsiaWithSignedRequestsAndKeepsOnlyTheOid() throws Exception {
		School school = data.school();
		long child = data.student(school, data.schoolClass(school, 6, "В"), "Петров", "Саша");
		Account account = data.account("Петров Иван",
				TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Петров", "Иван", child)));

		String location = perform(MockMvcRequestBuilders.get("/oauth2/authorization/gosuslugi"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith(esia.url("/aas/oauth2/v2/ac?"));
		Map<String, String> ac = ProviderStub.query(location);
		assertThat(ac.get("scope")).isEqualTo("openid fullname");
		assertThat(ac.get("timestamp")).matches(TIMESTAMP);
		assertThat(ac).containsEntry("client_id", CLIENT).containsEntry("response_type", "code")
			.containsEntry("access_type", "online").containsEntry("client_certificate_hash", certificateHash())
			.containsKeys("state", "nonce", "redirect_uri");
		assertThat(TestKeys.verifies(ac.get("client_secret"), ac.get("scope") + ac.get("timestamp") + CLIENT + ac.get("state"),
				system.certificate())).as("client_secret of v2/ac is the CMS signature of scope+timestamp+clientId+state")
			.isTrue();

		Map<String, Object> claims = esia.claims(FederationSettings.ESIA_ISSUER, CLIENT, OID, ac.get("nonce"));
		esia.tokenAnswers(post(urlPathEqualTo("/aas/oauth2/v3/te")).andMatching(EsiaSignInTests::signed),
				esia.idToken(claims, esia.key));
		esia.server.stubFor(get(urlPathEqualTo("/rs/prns/" + OID)).withHeader("Authorization", equalTo("Bearer at-1"))
			.willReturn(okJson("""
					{"firstName":"Иван","lastName":"Петров","middleName":"Сергеевич","snils":"000-000-600 06",
					 "birthDate":"01.01.1980","trusted":true}""")));

		perform(MockMvcRequestBuilders.get("/login/oauth2/code/gosuslugi").param("code", "esia-code-1")
			.param("state", ac.get("state"))).andExpect(redirectedUrl("/signin/link"));

		List<LoggedRequest> tokenRequests = esia.server.findAll(postRequestedFor(urlPathEqualTo("/aas/oauth2/v3/te")));
		assertThat(tokenRequests).hasSize(1);
		Map<String, String> te = ProviderStub.form(tokenRequests.get(0).getBodyAsString());
		assertThat(signedTokenRequest(te)).isTrue();
		assertThat(te.get("state")).as("a fresh state on the token request").isNotEqualTo(ac.get("state"));
		assertThat(te).containsEntry("client_certificate_hash", certificateHash()).containsEntry("code", "esia-code-1");
		// the stub refuses a secret that does not match the parameters
		Map<String, String> tampered = new java.util.HashMap<>(te);
		tampered.put("state", "another-state");
		assertThat(signedTokenRequest(tampered)).isFalse();

		perform(MockMvcRequestBuilders.get("/signin/link")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Петров Иван Сергеевич")));
		perform(MockMvcRequestBuilders.post("/signin/link/account").with(csrf()).param("login", account.login())
			.param("password", "password1")).andExpect(redirectedUrl("/?linked"));

		assertThat(db.sql("select provider, subject from identity_federated_link where account_id = :a")
			.param("a", account.id()).query().listOfRows()).containsExactly(Map.of("provider", "esia", "subject", OID));
		// nothing else from ESIA: the existing account keeps its own name
		assertThat(db.sql("select display_name from identity_account where id = :a").param("a", account.id())
			.query(String.class).single()).isEqualTo("Петров Иван");
	}

	@Test
	void theLoginPageOffersEsia() throws Exception {
		mvc.perform(MockMvcRequestBuilders.get("/login"))
			.andExpect(content().string(containsString("/oauth2/authorization/gosuslugi")));
	}

	@Test
	void aGostKeySignsWithGostAlgorithmsThroughBouncyCastle() {
		TestKeys.Issued gost = TestKeys.gost();
		KeyStoreCmsSigner signer = KeyStoreCmsSigner.fromKeyStore(TestKeys.keyStore(gost, "gost"), "gost", null, null);
		String content = "openid fullname2026.12.05 10:00:00 +1000" + CLIENT + "state-1";
		String signature = signer.sign(content);
		assertThat(TestKeys.verifies(signature, content, gost.certificate())).isTrue();
		assertThat(TestKeys.verifies(signature, content + "x", gost.certificate())).isFalse();
		assertThat(signer.certificateHash()).matches("[0-9A-F]{64}");
	}
}
