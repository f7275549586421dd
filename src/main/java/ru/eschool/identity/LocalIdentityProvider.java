package ru.eschool.identity;

/**
 * A test identity provider running inside the application (the demo profile starts one), used
 * when no real provider is configured: "Войти через Госуслуги" then leads there.
 */
public interface LocalIdentityProvider {

	/** The issuer; its discovery document lists the endpoints. */
	String issuer();

	String clientId();
}
