package ru.eschool.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/**
 * "Войти через Госуслуги" against a real OpenID Connect provider in-process (navikt's
 * mock-oauth2-server with its login form, on a free port, found by discovery): the first time the
 * person lands on the linking page and links with the diary login and password; after signing
 * out, the provider lets them straight in.
 */
class FederatedSignInJourneyTests extends BrowserTest {

	static final MockOAuth2Server provider = new MockOAuth2Server(
			OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));

	static {
		provider.start(0);
	}

	@DynamicPropertySource
	static void federation(DynamicPropertyRegistry r) {
		r.add("eschool.identity.federation.issuer", () -> provider.issuerUrl("esia-test").toString());
		r.add("eschool.identity.federation.client-id", () -> "eschool-browser");
		r.add("eschool.identity.federation.client-secret", () -> "browser-secret");
	}

	@AfterAll
	static void stopProvider() {
		provider.shutdown();
	}

	void signInAtProvider(String subject) {
		open("/login");
		find("#federated-login").click();
		WebElement user = new WebDriverWait(driver, Duration.ofSeconds(20))
			.until(d -> d.findElements(By.cssSelector("input[name=username]")).stream().findFirst().orElse(null));
		user.sendKeys(subject);
		user.submit();
	}

	@Test
	void aGuardianLinksTheStateAccountOnceAndThenSignsInThroughItStraightAway() {
		School school = data.school();
		long child = data.student(school, data.schoolClass(school, 5, "А"), "Зайцев", "Петя");
		Account account = data.account("Зайцева Мария",
				TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Зайцева", "Мария", child)));
		String subject = "oid-" + TestData.next();

		signInAtProvider(subject);
		waitForHeading(text("link.title"));
		assertThat(mainText()).contains(text("link.noMatching"));
		type("form[action='/signin/link/account'] #f-login", account.login());
		type("form[action='/signin/link/account'] #f-password", "password1");
		find("form[action='/signin/link/account'] button[type=submit]").click();
		waitForHeading(text("home.hello", "Зайцева Мария"));

		find("form[action='/logout'] button").click();
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/login"));

		signInAtProvider(subject);
		waitForHeading(text("home.hello", "Зайцева Мария"));
		open("/account");
		assertThat(mainText()).contains(text("account.identities.provider"), text("account.signins.kind.SIGN_IN"));
	}
}
