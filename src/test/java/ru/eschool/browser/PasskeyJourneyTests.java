package ru.eschool.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/**
 * A guardian adds a passkey on the profile page and signs in with it, without a password, even
 * while guessed passwords have blocked her login (ADR 0006). The
 * browser's authenticator is Chromium's virtual one (WebDriver's WebAuthn extension): a platform
 * authenticator that verifies the user, as a phone's fingerprint reader would.
 */
class PasskeyJourneyTests extends BrowserTest {

	/** WebAuthn checks the page's origin, so the server runs on a port known before it starts. */
	private static final int PORT = freePort();

	@DynamicPropertySource
	static void knownPort(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
	}

	private VirtualAuthenticator authenticator;

	@BeforeEach
	void aPhoneWithAFingerprintReader() {
		authenticator = ((HasVirtualAuthenticator) driver).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
			.setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
			.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
			.setHasResidentKey(true)
			.setHasUserVerification(true)
			.setIsUserVerified(true));
	}

	@AfterEach
	void removeIt() {
		if (authenticator != null) {
			((HasVirtualAuthenticator) driver).removeVirtualAuthenticator(authenticator);
		}
	}

	@Test
	void aGuardianAddsAPasskeyAndSignsInWithItWithoutAPassword() {
		assertThat(port).isEqualTo(PORT);
		School school = data.school();
		long klass = data.schoolClass(school, 6, "А");
		long child = data.student(school, klass, "Лебедева", "Ася");
		long guardian = data.guardian(school, "Лебедева", "Ольга", child);
		Account account = data.account("Лебедева Ольга", TestData.grant(Role.GUARDIAN, school, guardian));

		signIn(account.login(), "password1");
		waitForHeading(text("home.hello", "Лебедева Ольга"));
		open("/account");
		assertThat(find("#passkeys").getText()).contains(text("account.passkeys.none"));

		type("#passkey-label", "Телефон");
		find("#passkey-register button[type=submit]").click();
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("passkeyAdded"));
		assertThat(mainText()).contains(text("account.passkeys.added"));
		assertThat(find("#passkeys").getText()).contains("Телефон").doesNotContain(text("account.passkeys.none"));
		assertThat(authenticator.getCredentials()).hasSize(1);

		find("header form[action='/logout'] button").click();
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login?logout"));

		// a stranger guesses the password until the login is blocked: even the right password is refused now
		for (int i = 0; i < 5; i++) {
			refusedSignIn(account.login(), "guess" + i);
		}
		assertThat(refusedSignIn(account.login(), "password1")).isIn(text("login.error.throttled", 15),
				text("login.error.throttled", 14));

		// no login, no password: the passkey names the account, and the block does not stop its owner
		open("/login");
		find("#passkey-login button[type=submit]").click();
		waitUntilLeft("/login");
		waitForHeading(text("home.hello", "Лебедева Ольга"));
		assertThat(mainText()).contains("Лебедева Ася");
	}

	@Test
	void withoutAPasskeyOnTheDeviceSigningInWithOneSaysItFailedAndKeepsThePage() {
		open("/login");
		find("#passkey-login button[type=submit]").click();
		String message = new WebDriverWait(driver, Duration.ofSeconds(30))
			.until(d -> d.findElements(By.cssSelector("#passkey-login [data-passkey-error]:not([hidden])")).stream()
				.findFirst().map(e -> e.getText()).orElse(null));
		assertThat(message).isEqualTo(text("login.passkey.failed"));
		assertThat(driver.getCurrentUrl()).startsWith(url("/login"));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
