package ru.eschool.identity.internal.federation;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import ru.eschool.identity.ClientSecretSigner;

/**
 * ESIA's additions to OpenID Connect: a {@code timestamp} ({@code yyyy.MM.dd HH:mm:ss Z}), a
 * {@code client_secret} that is a detached signature of scope + timestamp + client id + state,
 * and {@code client_certificate_hash}, on the authorization request (v2/ac) and again, with a
 * fresh state, on the token request (v3/te).
 */
public class EsiaProtocol {

	public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss Z", Locale.ROOT);

	private final ClientSecretSigner signer;
	private final Clock clock;
	private final ZoneId zone;

	public EsiaProtocol(ClientSecretSigner signer, Clock clock, ZoneId zone) {
		this.signer = signer;
		this.clock = clock;
		this.zone = zone;
	}

	String timestamp() {
		return TIMESTAMP.format(clock.instant().atZone(zone));
	}

	/** Adds ESIA's parameters to the authorization request's URI. */
	public Consumer<OAuth2AuthorizationRequest.Builder> authorizationCustomizer() {
		// The timestamp's zone offset has a '+', which a query decoder reads as a space (and the
		// signature would not match): every '+' in this URI is meant literally, so it is sent as %2B.
		return builder -> builder
			.parameters(p -> sign(p, String.valueOf(p.get("scope")), String.valueOf(p.get("client_id")),
					String.valueOf(p.get("state"))))
			.authorizationRequestUri(uri -> java.net.URI.create(uri.build().toString().replace("+", "%2B")));
	}

	private void sign(Map<String, Object> p, String scope, String clientId, String state) {
		String timestamp = timestamp();
		p.put("timestamp", timestamp);
		p.put("access_type", "online");
		p.put("client_certificate_hash", signer.certificateHash());
		p.put("client_secret", signer.sign(scope + timestamp + clientId + state));
	}

	/** The token request's extra parameters, signed over a new state. */
	public MultiValueMap<String, String> tokenParameters(OAuth2AuthorizationCodeGrantRequest request) {
		ClientRegistration r = request.getClientRegistration();
		String scope = String.join(" ", r.getScopes());
		String state = UUID.randomUUID().toString();
		String timestamp = timestamp();
		MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
		p.add("state", state);
		p.add("scope", scope);
		p.add("timestamp", timestamp);
		p.add("token_type", "Bearer");
		p.add("client_certificate_hash", signer.certificateHash());
		p.add("client_secret", signer.sign(scope + timestamp + r.getClientId() + state));
		return p;
	}
}
