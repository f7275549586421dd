package ru.eschool.identity.internal.federation;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistration.ClientSettings;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import ru.eschool.identity.LocalIdentityProvider;

/**
 * The one client registration, {@code gosuslugi}, built on first use from
 * {@link FederationSettings} (or from the demo's local provider), so that the application starts
 * even when the provider is not reachable. Answers null (404) when nothing is configured.
 */
public class FederationClients implements ClientRegistrationRepository {

	static final String REDIRECT = "{baseUrl}/login/oauth2/code/{registrationId}";

	private final FederationSettings settings;
	private final ObjectProvider<LocalIdentityProvider> local;
	private volatile @Nullable ClientRegistration registration;

	public FederationClients(FederationSettings settings, ObjectProvider<LocalIdentityProvider> local) {
		this.settings = settings;
		this.local = local;
	}

	/** Whether the sign-in button is shown. */
	public boolean available() {
		return settings.configured() || local.getIfAvailable() != null;
	}

	public FederationSettings settings() {
		return settings;
	}

	/** The provider name stored with each link. */
	public String provider() {
		return settings.configured() ? settings.provider() : "local";
	}

	public boolean esia() {
		return settings.configured() && settings.esiaProfile();
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		if (!FederationSettings.REGISTRATION_ID.equals(registrationId) || !available()) {
			return null;
		}
		ClientRegistration r = registration;
		if (r == null) {
			synchronized (this) {
				if (registration == null) {
					registration = build();
				}
				r = registration;
			}
		}
		return r;
	}

	private ClientRegistration build() {
		String[] scopes = settings.scopes().toArray(String[]::new);
		ClientSettings clientSettings = ClientSettings.builder().requireProofKey(settings.pkce()).build();
		if (!settings.configured()) {
			LocalIdentityProvider p = local.getObject();
			return ClientRegistrations.fromIssuerLocation(p.issuer()).registrationId(FederationSettings.REGISTRATION_ID)
				.clientId(p.clientId()).clientSecret("local-secret")
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.redirectUri(REDIRECT).scope(scopes).userNameAttributeName("sub").clientSettings(clientSettings)
				.build();
		}
		boolean secret = !FederationSettings.blank(settings.clientSecret());
		ClientAuthenticationMethod method = settings.esiaProfile() || !secret ? ClientAuthenticationMethod.NONE
				: ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
		ClientRegistration.Builder b;
		if (settings.esiaProfile()) {
			b = ClientRegistration.withRegistrationId(FederationSettings.REGISTRATION_ID)
				.authorizationUri(settings.esiaUrl("/aas/oauth2/v2/ac"))
				.tokenUri(settings.esiaUrl("/aas/oauth2/v3/te"))
				.issuerUri(FederationSettings.blank(settings.issuer()) ? FederationSettings.ESIA_ISSUER : settings.issuer())
				.jwkSetUri(settings.jwkSetUri());
		}
		else if (!FederationSettings.blank(settings.authorizationUri())) {
			b = ClientRegistration.withRegistrationId(FederationSettings.REGISTRATION_ID)
				.authorizationUri(settings.authorizationUri()).tokenUri(settings.tokenUri())
				.jwkSetUri(settings.jwkSetUri()).userInfoUri(settings.userInfoUri()).issuerUri(settings.issuer());
		}
		else {
			b = ClientRegistrations.fromIssuerLocation(settings.issuer())
				.registrationId(FederationSettings.REGISTRATION_ID);
		}
		b.clientId(settings.clientId()).clientAuthenticationMethod(method)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri(REDIRECT)
			.scope(Arrays.asList(scopes)).userNameAttributeName("sub").clientSettings(clientSettings);
		if (secret && !settings.esiaProfile()) {
			b.clientSecret(settings.clientSecret());
		}
		return b.build();
	}
}
