package ru.eschool.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/**
 * A teacher posts a mark in the journal; the guardian's header shows a new notification; the
 * guardian opens the notification centre, sees it and marks everything read.
 */
class MarkNotificationJourneyTests extends BrowserTest {

	@Autowired Clock clock;

	@Test
	void aMarkPostedByTheTeacherShowsInTheGuardiansHeaderAndNotificationCentre() {
		LocalDate today = LocalDate.now(clock);
		School school = data.school();
		data.studyPeriod(school, 1, today.minusDays(20), today.plusDays(40));
		long klass = data.schoolClass(school, 8, "А");
		long pupil = data.student(school, klass, "Гусева", "Дарья");
		long staff = data.staff(school, "Физикова", "Лидия", "TEACHER");
		long physics = data.subject(school, "Физика");
		data.assign(staff, physics, klass);
		long lesson = data.lesson(school, klass, null, physics, staff, today, 3);
		Account teacher = data.account("Физикова Лидия", TestData.grant(Role.TEACHER, school, staff));
		Account guardian = data.account("Гусева Марина",
				TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Гусева", "Марина", pupil)));

		signIn(teacher.login(), "password1");
		open("/journal/" + klass + "/" + physics);
		WebElement cell = find("form:has(input[name=c][value^='" + lesson + "." + pupil + ".']) input[name=v]");
		cell.click();
		cell.sendKeys("5", Keys.ENTER);
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
		wait.until(d -> !d.switchTo().activeElement().equals(cell) || d.getPageSource().contains("value=\"5\""));
		find("header form[action='/logout'] button").click();
		wait.until(ExpectedConditions.urlContains("/login?logout"));

		signIn(guardian.login(), "password1");
		String badge = text("notification.badge", 1);
		// the listener runs right after the teacher's commit; a reload shows the counter
		wait.until(d -> {
			open("/");
			return !d.findElements(By.cssSelector("header a.badge[href='/notifications']")).isEmpty();
		});
		WebElement link = find("header a.badge[href='/notifications']");
		assertThat(link.getText()).isEqualTo(badge);
		link.click();
		waitForHeading(text("notification.centre.title"));
		assertThat(mainText()).contains(text("notification.kind.MARK"), "Дарья Гусева", "5", "Физика");
		find("form[action='/notifications/read-all'] button").click();
		wait.until(d -> d.findElements(By.cssSelector("header a.badge[href='/notifications']")).isEmpty());
		assertThat(mainText()).contains(text("notification.allRead"));
	}
}
