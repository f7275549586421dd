package ru.eschool.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import ru.eschool.identity.LocalIdentityProvider;

/**
 * A local test identity provider for the demo (navikt's mock-oauth2-server, started in-process
 * on {@code eschool.demo.idp-port}, a free port by default), so that a newcomer can click
 * "Войти через Госуслуги", type any name at its login form and go through linking. Used only
 * when no real provider is configured under {@code eschool.identity.federation.*}.
 */
@Component
@Profile("demo")
class DemoIdentityProvider implements LocalIdentityProvider, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DemoIdentityProvider.class);

	private final MockOAuth2Server server;

	DemoIdentityProvider(@Value("${eschool.demo.idp-port:0}") int port) {
		server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));
		server.start(port);
		log.info("Demo identity provider (a test stand-in for Госуслуги) at {}", issuer());
	}

	@Override
	public String issuer() {
		return server.issuerUrl("gosuslugi-demo").toString();
	}

	@Override
	public String clientId() {
		return "eschool-demo";
	}

	@Override
	public void destroy() {
		server.shutdown();
	}
}
