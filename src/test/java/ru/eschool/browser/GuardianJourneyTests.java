package ru.eschool.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.identity.Invitations;
import ru.eschool.identity.Invitations.Request;
import ru.eschool.shared.Role;

/**
 * A guardian gets an invitation letter, registers with its code and sees the child; typing
 * another child's address gets "not found". The admin part (creating the people, printing the
 * letter) is set up with TestData and Invitations until it is driven through its pages too.
 */
class GuardianJourneyTests extends BrowserTest {

	@Autowired Invitations invitations;

	@Test
	void aGuardianRegistersWithAnInvitationCodeAndSeesTheChildOnTheHomePage() {
		School school = data.school();
		long klass = data.schoolClass(school, 3, "Б");
		long child = data.student(school, klass, "Соколов", "Тимофей");
		data.student(school, klass, "Зайцева", "Полина");
		long guardian = data.guardian(school, "Соколова", "Марина", child);
		Account admin = data.account("Завуч", TestData.grant(Role.SCHOOL_ADMIN, school,
				data.staff(school, "Лебедева", "Ольга", "DEPUTY")));
		String code = invitations
			.issue(List.of(new Request(Role.GUARDIAN, school.id(), guardian, "Соколова Марина")), admin.id())
			.get(0)
			.code();
		String login = "sokolova" + TestData.next();

		open("/register");
		type("#f-code", code.toLowerCase());
		find("form[action='/register/code'] button[type=submit]").click();
		waitForHeading(text("register.title"));
		assertThat(mainText()).contains("Соколова Марина", text("role.GUARDIAN"));
		type("#f-login", login);
		type("#f-password", "a long password");
		type("#f-confirm", "a long password");
		find("input[name=consent]").click();
		find("form[action='/register/account'] button[type=submit]").click();

		waitForHeading(text("home.hello", "Соколова Марина"));
		assertThat(find("[data-student='" + child + "']").getText()).contains("Соколов Тимофей", "3Б");
		assertThat(mainText()).doesNotContain("Зайцева");

		// the code is used up: a second registration is refused
		find("header form[action='/logout'] button").click();
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login?logout"));
		open("/register");
		type("#f-code", code);
		find("form[action='/register/code'] button[type=submit]").click();
		waitForHeading(text("register.title"));
		assertThat(find(".field-error").getText()).isEqualTo(text("register.refused.USED"));

		// and the new login works
		signIn(login, "a long password");
		waitForHeading(text("home.hello", "Соколова Марина"));
	}

	@Test
	void aGuardianWhoTypesAnotherChildsAddressGetsTheNotFoundPage() {
		School school = data.school();
		long klass = data.schoolClass(school, 6, "А");
		long own = data.student(school, klass, "Гусев", "Марк");
		long classmate = data.student(school, klass, "Киселёва", "Алиса");
		long guardian = data.guardian(school, "Гусева", "Елена", own);
		Account account = data.account("Гусева Елена", TestData.grant(Role.GUARDIAN, school, guardian));

		signIn(account.login(), "password1");
		waitForHeading(text("home.hello", "Гусева Елена"));
		find("[data-student='" + own + "'] a[href='/students/" + own + "']").click();
		waitForHeading("Гусев Марк");

		open("/students/" + classmate);
		waitForHeading(text("error.404.title"));
		assertThat(driver.getPageSource()).doesNotContain("Киселёва");

		open("/students/" + (classmate + 1_000_000));
		waitForHeading(text("error.404.title"));
	}
}
