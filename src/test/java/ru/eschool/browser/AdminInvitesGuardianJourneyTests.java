package ru.eschool.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;

/**
 * The whole journey through the pages: a school admin enrols a student, adds a guardian and
 * prints the invitation letter; the guardian registers with the code from the letter, sees the
 * child at home, and is refused another child's page.
 */
class AdminInvitesGuardianJourneyTests extends BrowserTest {

	@Test
	void anAdminEnrolsAStudentAddsAGuardianPrintsTheLetterAndTheGuardianRegisters() {
		School school = data.school();
		long klass = data.schoolClass(school, 2, "В");
		long classmate = data.student(school, klass, "Белова", "Вика");
		Account admin = data.schoolAdmin(school);

		signIn(admin.login(), "password1");
		open("/admin/students/new?classId=" + klass);
		type("#f-lastName", "Морозов");
		type("#f-firstName", "Илья");
		find("form[action='/admin/students'] button[type=submit]").click();
		waitForHeading("Морозов Илья");

		find("a[href^='/admin/guardians/new?studentId=']").click();
		type("#f-lastName", "Морозова");
		type("#f-firstName", "Анна");
		type("#f-phone", "8 (914) 123-45-67");
		find("form[action='/admin/guardians'] button[type=submit]").click();
		waitForHeading("Морозов Илья");
		assertThat(mainText()).contains("Морозова Анна");

		open("/admin/invitations");
		new Select(find("#f-classId")).selectByValue(String.valueOf(klass));
		new Select(find("#f-who")).selectByValue("GUARDIANS");
		find("form[action='/admin/invitations'] button[type=submit]").click();
		waitForHeading(text("people.letters.title"));
		assertThat(find(".letter").getText()).contains("Морозова Анна");
		String code = find("[data-code]").getText();
		assertThat(code).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");

		find("header form[action='/logout'] button").click();
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login?logout"));
		open("/register");
		type("#f-code", code);
		find("form[action='/register/code'] button[type=submit]").click();
		waitForHeading(text("register.title"));
		String login = "morozova" + TestData.next();
		type("#f-login", login);
		type("#f-password", "winter-is-coming");
		type("#f-confirm", "winter-is-coming");
		find("input[name=consent]").click();
		find("form[action='/register/account'] button[type=submit]").click();

		waitForHeading(text("home.hello", "Морозова Анна"));
		assertThat(mainText()).contains("Морозов Илья", "2В").doesNotContain("Белова");
		open("/students/" + classmate);
		waitForHeading(text("error.404.title"));
		assertThat(driver.getPageSource()).doesNotContain("Белова");
	}
}
