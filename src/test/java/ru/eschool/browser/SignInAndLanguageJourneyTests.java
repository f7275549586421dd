package ru.eschool.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.identity.AccountProvisioning.Grant;
import ru.eschool.shared.Role;

class SignInAndLanguageJourneyTests extends BrowserTest {

	@Test
	void aPersonSignsInSeesTheirHomePageAndSwitchesToEnglishAndBack() {
		School school = data.school();
		long klass = data.schoolClass(school, 4, "В");
		long child = data.student(school, klass, "Орлова", "Вера");
		long guardian = data.guardian(school, "Орлова", "Нина", child);
		Account account = data.account("Орлова Нина", TestData.grant(Role.GUARDIAN, school, guardian));

		signIn(account.login(), "password1");
		waitForHeading(text("home.hello", "Орлова Нина"));
		assertThat(find("html").getAttribute("lang")).isEqualTo("ru");
		assertThat(mainText()).contains("Орлова Вера");

		find("footer a[hreflang=en]").click();
		waitForHeading(text(Locale.ENGLISH, "home.hello", "Орлова Нина"));
		assertThat(find("html").getAttribute("lang")).isEqualTo("en");
		assertThat(mainText()).contains(text(Locale.ENGLISH, "home.children"), "Орлова Вера");

		// the choice is kept for the next pages
		open("/help");
		assertThat(find("html").getAttribute("lang")).isEqualTo("en");

		find("footer a[hreflang=ru]").click();
		new WebDriverWait(driver, Duration.ofSeconds(20))
			.until(d -> "ru".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
		open("/");
		waitForHeading(text("home.hello", "Орлова Нина"));
	}

	@Test
	void aWrongPasswordKeepsThePersonOnTheLoginPageWithAMessage() {
		Account account = data.account("Ковалёва Ирина", new Grant(Role.REGION_ADMIN, null, null));
		String message = refusedSignIn(account.login(), "not-the-password");
		assertThat(message).isEqualTo(text("login.error.bad"));
		assertThat(driver.getCurrentUrl()).startsWith(url("/login"));
	}
}
