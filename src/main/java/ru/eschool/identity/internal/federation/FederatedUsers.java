package ru.eschool.identity.internal.federation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The person behind a verified ID token. A standard provider: the ID token (and userinfo, when the
 * provider is configured with one and the scopes need it). ESIA: the person's name is read from
 * {@code /rs/prns/{oid}} with the access token; the oid is the ID token's subject. Only the name
 * is kept, and only to name a new account.
 */
public class FederatedUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final FederationClients clients;
	private final OidcUserService standard = new OidcUserService();
	private final RestClient rest = RestClient.create();

	public FederatedUsers(FederationClients clients) {
		this.clients = clients;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		if (!clients.esia()) {
			return standard.loadUser(request);
		}
		String oid = request.getIdToken().getSubject();
		Map<String, Object> person;
		try {
			person = rest.get().uri(clients.settings().esiaUrl("/rs/prns/{oid}"), oid)
				.header("Authorization", "Bearer " + request.getAccessToken().getTokenValue())
				.retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() {
				});
		}
		catch (RestClientException e) {
			throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info_response"), e);
		}
		Map<String, Object> claims = new HashMap<>();
		claims.put("sub", oid);
		String name = join(person, "lastName", "firstName", "middleName");
		if (!name.isEmpty()) {
			claims.put("name", name);
		}
		return new DefaultOidcUser(Set.of(), request.getIdToken(), new OidcUserInfo(claims), "sub");
	}

	/** The display name a provider gives, or empty. */
	public static String displayName(OidcUser user) {
		if (user.getFullName() != null && !user.getFullName().isBlank()) {
			return user.getFullName().strip();
		}
		return join(user.getClaims(), "family_name", "given_name", "middle_name");
	}

	private static String join(@Nullable Map<String, Object> map, String... keys) {
		StringJoiner j = new StringJoiner(" ");
		if (map != null) {
			for (String k : keys) {
				if (map.get(k) instanceof String s && !s.isBlank()) {
					j.add(s.strip());
				}
			}
		}
		return j.toString();
	}
}
