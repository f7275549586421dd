package ru.eschool.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * An identity provider's endpoints stubbed with WireMock on a free port, with its own RSA key:
 * the test decides every claim of the ID token, so that each kind of bad token can be sent.
 */
final class ProviderStub {

	final WireMockServer server = new WireMockServer(options().dynamicPort());
	final RSAKey key;
	/** Another key with the same key id: a token signed with it has a wrong signature. */
	final RSAKey forger;

	ProviderStub() {
		try {
			key = new RSAKeyGenerator(2048).keyID("k1").generate();
			forger = new RSAKeyGenerator(2048).keyID("k1").generate();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		server.start();
		server.stubFor(get(urlPathEqualTo("/jwks"))
			.willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
	}

	String url(String path) {
		return "http://localhost:" + server.port() + path;
	}

	/** The claims of a good ID token for the client; tests change one of them. */
	Map<String, Object> claims(String issuer, String clientId, String subject, String nonce) {
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("iss", issuer);
		c.put("sub", subject);
		c.put("aud", List.of(clientId));
		c.put("nonce", nonce);
		c.put("iat", Instant.now().minusSeconds(5));
		c.put("exp", Instant.now().plusSeconds(300));
		return c;
	}

	String idToken(Map<String, Object> claims, RSAKey signer) {
		try {
			JWTClaimsSet.Builder b = new JWTClaimsSet.Builder();
			claims.forEach((k, v) -> b.claim(k, v instanceof Instant i ? Date.from(i) : v));
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).type(JOSEObjectType.JWT).build(),
					b.build());
			jwt.sign(new RSASSASigner(signer));
			return jwt.serialize();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** The token endpoint answers with this ID token (and an access token). */
	void tokenAnswers(MappingBuilder endpoint, String idToken) {
		server.resetMappings();
		server.stubFor(get(urlPathEqualTo("/jwks")).willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
		server.stubFor(endpoint.willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":300,\"id_token\":\"" + idToken
					+ "\"}")));
	}

	void tokenAnswers(String path, String idToken) {
		tokenAnswers(post(urlPathEqualTo(path)), idToken);
	}

	/** The query parameters of a URL, decoded. */
	static Map<String, String> query(String url) {
		Map<String, String> q = new LinkedHashMap<>();
		String raw = URI.create(url).getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return q;
	}

	/** Form parameters of a request body, decoded. */
	static Map<String, String> form(String body) {
		return query("http://x/?" + body);
	}
}
