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
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;
import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.audit.AuditLog;
import ru.eschool.audit.AuditLog.Outcome;
import ru.eschool.shared.Role;

/**
 * Passkeys through the real Spring Session JDBC store (the registration options survive between
 * requests as a serializable copy), with a small software authenticator (ES256, "none"
 * attestation) written here: registration on /account, sign-in, removal, the audit log, and the
 * federated-only region policy, under which a passkey is still a way in.
 */
@EschoolTest
@TestPropertySource(properties = "eschool.identity.policy.federated-only-from.GUARDIAN=2015-12-01")
class PasskeyTests {

	static final String ORIGIN = "http://localhost";

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired AuditLog audit;
	@Autowired Invitations invitations;
	@Autowired JdbcClient db;

	final ObjectConverter cbor = new ObjectConverter();

	/** A software authenticator holding one credential. */
	final class Authenticator {

		final KeyPair keys;
		final byte[] credentialId = new byte[32];
		byte[] userHandle;
		long counter;

		Authenticator() throws Exception {
			KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
			g.initialize(new ECGenParameterSpec("secp256r1"));
			keys = g.generateKeyPair();
			new SecureRandom().nextBytes(credentialId);
		}

		String create(String optionsJson, String label) throws Exception {
			String rpId = JsonPath.read(optionsJson, "$.rp.id");
			userHandle = b64d(JsonPath.read(optionsJson, "$.user.id"));
			byte[] clientData = clientData("webauthn.create", JsonPath.read(optionsJson, "$.challenge"));
			AttestedCredentialData credential = new AttestedCredentialData(AAGUID.ZERO, credentialId,
					EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
			AuthenticatorData<?> authData = new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)),
					(byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT), counter, credential);
			@SuppressWarnings({ "rawtypes", "unchecked" })
			byte[] attestation = new AttestationObjectConverter(cbor)
				.convertToBytes(new AttestationObject((AuthenticatorData) authData, new NoneAttestationStatement()));
			return """
					{"publicKey":{"label":"%s","credential":{"id":"%s","rawId":"%s","type":"public-key",
					"response":{"attestationObject":"%s","clientDataJSON":"%s","transports":["internal"]},
					"clientExtensionResults":{},"authenticatorAttachment":"platform"}}}"""
				.formatted(label, b64(credentialId), b64(credentialId), b64(attestation), b64(clientData));
		}

		String get(String optionsJson) throws Exception {
			String rpId = JsonPath.read(optionsJson, "$.rpId");
			byte[] clientData = clientData("webauthn.get", JsonPath.read(optionsJson, "$.challenge"));
			counter++;
			@SuppressWarnings({ "rawtypes", "unchecked" })
			byte[] authData = new AuthenticatorDataConverter(cbor).convert((AuthenticatorData) new AuthenticatorData<>(
					sha256(rpId.getBytes(StandardCharsets.UTF_8)),
					(byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV), counter));
			Signature s = Signature.getInstance("SHA256withECDSA");
			s.initSign(keys.getPrivate());
			s.update(authData);
			s.update(sha256(clientData));
			byte[] signature = s.sign();
			return """
					{"id":"%s","rawId":"%s","credType":"public-key","response":{"authenticatorData":"%s",
					"clientDataJSON":"%s","signature":"%s","userHandle":"%s"},"clientExtensionResults":{},
					"authenticatorAttachment":"platform"}"""
				.formatted(b64(credentialId), b64(credentialId), b64(authData), b64(clientData), b64(signature),
						b64(userHandle));
		}

		private byte[] clientData(String type, String challenge) {
			return """
					{"type":"%s","challenge":"%s","origin":"%s","crossOrigin":false}""".formatted(type, challenge, ORIGIN)
				.getBytes(StandardCharsets.UTF_8);
		}
	}

	static String b64(byte[] b) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}

	static byte[] b64d(String s) {
		return Base64.getUrlDecoder().decode(s);
	}

	static byte[] sha256(byte[] b) throws Exception {
		return MessageDigest.getInstance("SHA-256").digest(b);
	}

	Cookie passwordSignIn(Account account) throws Exception {
		MvcResult r = mvc.perform(post("/login").with(csrf()).param("username", account.login()).param("password", "password1"))
			.andExpect(redirectedUrl("/")).andReturn();
		return r.getResponse().getCookie("SESSION");
	}

	Cookie register(Cookie session, Authenticator authenticator, String label) throws Exception {
		String options = mvc.perform(post("/webauthn/register/options").with(csrf()).cookie(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		// the options are in the JDBC session store, as the serializable copy
		assertThat(db.sql("select count(*) from spring_session_attributes where attribute_name = :n")
			.param("n", "eschool.passkeys.creationOptions").query(Long.class).single()).isPositive();
		mvc.perform(post("/webauthn/register").with(csrf()).cookie(session).contentType(MediaType.APPLICATION_JSON)
			.content(authenticator.create(options, label)))
			.andExpect(status().isOk()).andExpect(content().string(containsString("\"success\":true")));
		return session;
	}

	Cookie passkeySignIn(Authenticator authenticator, int expectedStatus) throws Exception {
		MvcResult o = mvc.perform(post("/webauthn/authenticate/options").with(csrf())).andExpect(status().isOk())
			.andReturn();
		Cookie session = o.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		MvcResult r = mvc.perform(post("/login/webauthn").with(csrf()).cookie(session)
			.contentType(MediaType.APPLICATION_JSON).content(authenticator.get(o.getResponse().getContentAsString())))
			.andExpect(status().is(expectedStatus)).andReturn();
		Cookie after = r.getResponse().getCookie("SESSION");
		return after != null ? after : session;
	}

	@Test
	void aPasskeyIsRegisteredOnTheProfileSignsInAndIsRemoved() throws Exception {
		School school = data.school();
		Account teacher = data.account("Орлова Нина", TestData.grant(Role.TEACHER, school, data.staff(school, "Орлова", "Нина", "учитель")));
		Authenticator authenticator = new Authenticator();
		Cookie session = register(passwordSignIn(teacher), authenticator, "Ноутбук");
		mvc.perform(get("/account").cookie(session)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Ноутбук")));
		assertThat(audit.of(teacher.id())).anyMatch(e -> "PASSKEY_ADDED".equals(e.kind()) && e.outcome() == Outcome.SUCCESS);

		// sign in with it, in a new session
		Cookie signedIn = passkeySignIn(authenticator, 200);
		mvc.perform(get("/account").cookie(signedIn)).andExpect(status().isOk())
			.andExpect(content().string(containsString(teacher.login())));
		assertThat(audit.of(teacher.id())).anyMatch(e -> "SIGN_IN".equals(e.kind()) && "passkey".equals(e.detail())
				&& e.outcome() == Outcome.SUCCESS);

		// another account cannot remove it
		Account other = data.account("Зайцев Пётр", TestData.grant(Role.TEACHER, school, data.staff(school, "Зайцев", "Пётр", "учитель")));
		mvc.perform(post("/account/passkeys/remove").with(csrf()).cookie(passwordSignIn(other))
			.param("id", b64(authenticator.credentialId))).andExpect(status().isNotFound());
		// the owner can
		mvc.perform(post("/account/passkeys/remove").with(csrf()).cookie(signedIn)
			.param("id", b64(authenticator.credentialId))).andExpect(redirectedUrl("/account?passkeyRemoved"));
		mvc.perform(get("/account").cookie(signedIn)).andExpect(content().string(containsString("Ключей доступа нет")));
		assertThat(audit.of(teacher.id())).anyMatch(e -> "PASSKEY_REMOVED".equals(e.kind()) && e.outcome() == Outcome.SUCCESS);
		// and it no longer signs in
		passkeySignIn(authenticator, 401);
	}

	@Test
	void underAFederatedOnlyPolicyAPasskeyIsStillAWayIn() throws Exception {
		School school = data.school();
		long child = data.student(school, data.schoolClass(school, 3, "В"), "Котов", "Миша");
		long person = data.guardian(school, "Котова", "Ирина", child);
		Account guardian = data.account("Котова Ирина", TestData.grant(Role.GUARDIAN, school, person));
		// password refused by the policy; the school's code lets the guardian in to add a passkey
		mvc.perform(post("/login").with(csrf()).param("username", guardian.login()).param("password", "password1"))
			.andExpect(redirectedUrl("/login?error=federatedOnly"));
		String code = invitations.issue(List.of(new Invitations.Request(Role.GUARDIAN, school.id(), person,
				"Котова Ирина")), 0).get(0).code();
		Cookie session = mvc.perform(post("/signin/code").with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/account?codeSignIn")).andReturn().getResponse().getCookie("SESSION");
		Authenticator authenticator = new Authenticator();
		register(session, authenticator, "Телефон");
		Cookie signedIn = passkeySignIn(authenticator, 200);
		mvc.perform(get("/account").cookie(signedIn)).andExpect(status().isOk())
			.andExpect(content().string(containsString(guardian.login())));
	}

	@Test
	void theLoginPageOffersAPasskeyAndAForeignAssertionIsRefusedAndAudited() throws Exception {
		mvc.perform(get("/login")).andExpect(content().string(containsString("Войти с ключом доступа")))
			.andExpect(content().string(containsString("/js/passkeys-")));
		Authenticator unknown = new Authenticator();
		unknown.userHandle = new byte[16];
		long before = db.sql("select count(*) from audit_event where kind = 'SIGN_IN' and detail = 'passkey' and outcome = 'FAILURE'")
			.query(Long.class).single();
		passkeySignIn(unknown, 401);
		assertThat(db.sql("select count(*) from audit_event where kind = 'SIGN_IN' and detail = 'passkey' and outcome = 'FAILURE'")
			.query(Long.class).single()).isEqualTo(before + 1);
	}
}
