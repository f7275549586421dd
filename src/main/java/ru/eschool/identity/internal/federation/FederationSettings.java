package ru.eschool.identity.internal.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eschool.identity.federation.*}: the state identity provider people sign in with.
 * Nothing here is required: without a client id and an issuer (or ESIA's base URL) the
 * "Войти через Госуслуги" button is not shown and the OIDC endpoints answer 404.
 *
 * @param profile {@code oidc} (any standard OpenID Connect provider) or {@code esia}
 * @param provider the provider's name stored with each link (e.g. {@code esia})
 * @param issuer the issuer; with {@code oidc} and no endpoints, its discovery document is read
 * @param scopes what is asked of the provider; never personal documents (see {@link #NEVER})
 */
@ConfigurationProperties("eschool.identity.federation")
public record FederationSettings(@DefaultValue("oidc") String profile, @DefaultValue("esia") String provider,
		@Nullable String issuer, @Nullable String authorizationUri, @Nullable String tokenUri,
		@Nullable String jwkSetUri, @Nullable String userInfoUri, @Nullable String clientId,
		@Nullable String clientSecret, @DefaultValue({ "openid", "fullname" }) List<String> scopes,
		@DefaultValue("true") boolean pkce, @DefaultValue Esia esia) {

	/** The registration id in the OAuth2 URLs ({@code /oauth2/authorization/gosuslugi}). */
	public static final String REGISTRATION_ID = "gosuslugi";

	/** ESIA's issuer in its ID tokens. */
	public static final String ESIA_ISSUER = "http://esia.gosuslugi.ru/";

	/**
	 * Scopes never asked for, whatever the configuration says: SNILS, INN, identity documents,
	 * birth date and everything about children. The diary has them from the school, if at all.
	 */
	public static final List<String> NEVER = List.of("snils", "inn", "id_doc", "birthdate");

	/** Asked for only for a notification channel the person turned on (see {@link #withChannels}). */
	public static final List<String> CHANNEL_SCOPES = List.of("email", "mobile");

	/**
	 * @param baseUrl ESIA's address, e.g. {@code https://esia.gosuslugi.ru}; its endpoints are
	 *     {@code /aas/oauth2/v2/ac}, {@code /aas/oauth2/v3/te} and {@code /rs/prns/{oid}}
	 * @param keyStore a PKCS#12 file with the system's key and certificate (RSA or GOST)
	 * @param certificateHash {@code client_certificate_hash} as ESIA's tool printed it; empty:
	 *     computed from the certificate
	 */
	public record Esia(@Nullable String baseUrl, @Nullable String keyStore, @Nullable String keyStorePassword,
			@Nullable String keyAlias, @Nullable String certificateHash) {
	}

	public FederationSettings {
		// an empty environment variable means "not set"
		issuer = orNull(issuer);
		authorizationUri = orNull(authorizationUri);
		tokenUri = orNull(tokenUri);
		jwkSetUri = orNull(jwkSetUri);
		userInfoUri = orNull(userInfoUri);
		clientId = orNull(clientId);
		clientSecret = orNull(clientSecret);
		scopes = scopes.stream().map(String::strip).filter(x -> !x.isEmpty()).toList();
		for (String s : scopes) {
			if (!allowed(s)) {
				throw new IllegalStateException("eschool.identity.federation.scopes: '" + s
						+ "' is never asked of the identity provider (personal documents, children, contacts "
						+ "without a notification channel)");
			}
		}
	}

	/** Whether a scope may be asked for at all. */
	public static boolean allowed(String scope) {
		String s = scope.strip().toLowerCase(Locale.ROOT);
		return !NEVER.contains(s) && !s.startsWith("kid_") && !CHANNEL_SCOPES.contains(s);
	}

	public boolean esiaProfile() {
		return "esia".equalsIgnoreCase(profile);
	}

	/** Whether a provider is configured (the local test provider of the demo is another way). */
	public boolean configured() {
		if (blank(clientId)) {
			return false;
		}
		return esiaProfile() ? !blank(esia.baseUrl()) : !blank(issuer) || !blank(authorizationUri);
	}

	/**
	 * The scopes with those for the given notification channels ({@code email}, {@code mobile})
	 * added: the hook for asking the provider for a confirmed address only when the person turns
	 * on notifications by that channel. Not used by the sign-in itself.
	 */
	public List<String> withChannels(List<String> channels) {
		List<String> result = new ArrayList<>(scopes);
		for (String c : channels) {
			if (CHANNEL_SCOPES.contains(c) && !result.contains(c)) {
				result.add(c);
			}
		}
		return result;
	}

	private static @Nullable String orNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}

	String esiaUrl(String path) {
		String base = esia.baseUrl() == null ? "" : esia.baseUrl();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}
}
