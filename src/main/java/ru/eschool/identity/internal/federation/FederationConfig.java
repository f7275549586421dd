package ru.eschool.identity.internal.federation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;

import ru.eschool.identity.ClientSecretSigner;
import ru.eschool.identity.LocalIdentityProvider;

/**
 * The pieces of the OpenID Connect sign-in that differ from Spring Security's defaults: the lazily
 * built registration, ESIA's signed parameters on both requests, and ESIA's person endpoint.
 */
@Configuration(proxyBeanMethods = false)
public class FederationConfig {

	/** The same requests with or without ESIA's additions. */
	public record Federation(FederationClients clients, OAuth2AuthorizationRequestResolver resolver,
			OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokens, FederatedUsers users) {
	}

	@Bean
	FederationClients federationClients(FederationSettings settings, ObjectProvider<LocalIdentityProvider> local) {
		return new FederationClients(settings, local);
	}

	@Bean
	Federation federation(FederationClients clients, ObjectProvider<ClientSecretSigner> signers, Clock clock,
			@Value("${eschool.zone:Asia/Vladivostok}") ZoneId zone) {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(clients,
				"/oauth2/authorization");
		RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
		if (clients.esia()) {
			ClientSecretSigner signer = signers.getIfAvailable(() -> defaultSigner(clients.settings()));
			EsiaProtocol esia = new EsiaProtocol(signer, clock, zone);
			resolver.setAuthorizationRequestCustomizer(esia.authorizationCustomizer());
			tokens.addParametersConverter(esia::tokenParameters);
		}
		return new Federation(clients, resolver, tokens, new FederatedUsers(clients));
	}

	private static ClientSecretSigner defaultSigner(FederationSettings settings) {
		FederationSettings.Esia esia = settings.esia();
		if (FederationSettings.blank(esia.keyStore())) {
			throw new IllegalStateException("eschool.identity.federation.esia.key-store is required for the ESIA profile "
					+ "(or declare a ClientSecretSigner bean)");
		}
		return KeyStoreCmsSigner.fromKeyStore(Path.of(esia.keyStore()),
				esia.keyStorePassword() == null ? "" : esia.keyStorePassword(), esia.keyAlias(), esia.certificateHash());
	}
}
