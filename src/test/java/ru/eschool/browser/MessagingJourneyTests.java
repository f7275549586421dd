package ru.eschool.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/**
 * A guardian writes to their child's teacher; the teacher sees it unread (the header badge and the
 * inbox), opens it, it becomes read, and answers in place (htmx).
 */
class MessagingJourneyTests extends BrowserTest {

	@Test
	void aGuardianWritesToTheChildsTeacherWhoReadsAndAnswers() {
		School school = data.school();
		long klass = data.schoolClass(school, 7, "Б");
		long math = data.subject(school, "Математика");
		long staff = data.staff(school, "Петрова", "Анна", "TEACHER");
		data.assign(staff, math, klass);
		data.staff(school, "Сидорова", "Нина", "TEACHER");
		Account teacher = data.account("Петрова Анна", TestData.grant(Role.TEACHER, school, staff));
		long child = data.student(school, klass, "Орлов", "Даня");
		Account parent = data.account("Орлова Светлана",
				TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Орлова", "Светлана", child)));

		signIn(parent.login(), "password1");
		find("header nav a[href='/messages']").click();
		waitForHeading(text("messaging.inbox.title"));
		find("main a[href='/messages/new']").click();
		waitForHeading(text("messaging.new"));
		assertThat(mainText()).contains(text("messaging.relation.CHILD_TEACHER"), "Петрова Анна", "Математика · 7Б")
			.doesNotContain("Сидорова");
		find("input[name=to][value='" + teacher.id() + "-TEACHER']").click();
		type("#f-text", "Добрый день! Даня завтра пропустит урок: соревнования.");
		find("main form button[type=submit]").click();
		waitForHeading("Петрова Анна");
		assertThat(find("#thread").getText()).contains("соревнования");
		find("header form[action='/logout'] button").click();
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login?logout"));

		signIn(teacher.login(), "password1");
		assertThat(find("header a.badge[href='/messages']").getText()).isEqualTo(text("messaging.badge", 1));
		// the notification of the message arrives a moment after the guardian's commit
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
			open("/");
			return !d.findElements(By.cssSelector("header a.badge[href='/notifications']")).isEmpty();
		});
		find("header a.badge[href='/messages']").click();
		waitForHeading(text("messaging.inbox.title"));
		assertThat(find("main li.unread").getText()).contains("Орлова Светлана", text("messaging.unread", 1));
		find("main li.unread a").click();
		waitForHeading("Орлова Светлана");
		// read where it was sent: neither the message nor its notification is counted any more
		assertThat(driver.findElements(By.cssSelector("header a.badge"))).isEmpty();

		type("#f-text", "Спасибо, что предупредили. Удачи на соревнованиях!");
		find("#thread form[hx-post] button[type=submit]").click();
		waitForText("#thread ol", "Удачи на соревнованиях");
		assertThat(find("#f-text").getAttribute("value")).isEmpty();
		open("/messages");
		assertThat(driver.findElements(By.cssSelector("main li.unread"))).isEmpty();
		assertThat(mainText()).contains("Удачи на соревнованиях");
	}
}
