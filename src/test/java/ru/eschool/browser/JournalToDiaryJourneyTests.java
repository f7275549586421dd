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
 * A teacher enters a row of marks by keyboard (type, Enter, next student), sets the lesson's topic
 * and homework; the guardian opens the diary and sees the mark, the topic and the homework.
 */
class JournalToDiaryJourneyTests extends BrowserTest {

	@Autowired Clock clock;

	@Test
	void marksTypedInTheJournalWithATopicAndHomeworkReachTheGuardiansDiary() {
		LocalDate now = LocalDate.now(clock);
		// the diary shows Monday to Saturday: on a Sunday the lesson is yesterday's
		LocalDate today = now.getDayOfWeek() == java.time.DayOfWeek.SUNDAY ? now.minusDays(1) : now;
		School school = data.school();
		data.studyPeriod(school, 1, today.minusDays(20), today.plusDays(40));
		long klass = data.schoolClass(school, 6, "Г");
		long first = data.student(school, klass, "Афанасьев", "Артём");
		long second = data.student(school, klass, "Борисова", "Вера");
		long staff = data.staff(school, "Учительская", "Нина", "TEACHER");
		long history = data.subject(school, "История");
		data.assign(staff, history, klass);
		long lesson = data.lesson(school, klass, null, history, staff, today, 2);
		data.lesson(school, klass, null, history, staff, today.plusDays(7), 2);
		Account teacher = data.account("Учительская Нина", TestData.grant(Role.TEACHER, school, staff));
		Account guardian = data.account("Афанасьева Ольга",
				TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Афанасьева", "Ольга", first)));

		signIn(teacher.login(), "password1");
		open("/journal/" + klass + "/" + history);
		WebElement cell = find("form:has(input[name=c][value^='" + lesson + "." + first + ".']) input[name=v]");
		cell.click();
		cell.sendKeys("5 4", Keys.ENTER);
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
		// the cell is saved and the cursor is on the next student's cell of the same lesson
		wait.until(d -> d.switchTo().activeElement().findElement(By.xpath("..")).findElement(By.name("c"))
			.getDomAttribute("value").startsWith(lesson + "." + second + "."));
		driver.switchTo().activeElement().sendKeys("н", Keys.ENTER);
		wait.until(ExpectedConditions.textToBePresentInElementValue(
				By.cssSelector("form:has(input[name=c][value^='" + lesson + "." + second + ".']) input[name=v]"), "н"));

		open("/journal/lesson/" + lesson);
		type("#f-topic", "Реформы Петра I");
		find("form[action='/journal/lesson/" + lesson + "'] button[type=submit]").click();
		waitUntilLeft("/journal/lesson/");

		open("/homework/lessons/" + lesson);
		find("#f-text").sendKeys("Параграф 12, вопросы 1–3.");
		find("form[action='/homework/lessons/" + lesson + "'] button[type=submit]").click();
		wait.until(d -> d.getPageSource().contains("Параграф 12"));

		find("header form[action='/logout'] button").click();
		wait.until(ExpectedConditions.urlContains("/login?logout"));
		signIn(guardian.login(), "password1");
		open("/diary/" + first + "?week=" + today);
		assertThat(mainText()).contains("История", "Реформы Петра I");
		assertThat(driver.findElements(By.cssSelector("main .mark")).stream().map(WebElement::getText))
			.containsExactly("5", "4");
		open("/diary/" + first + "?week=" + today.plusDays(7));
		assertThat(mainText()).contains("Параграф 12, вопросы 1–3.");
	}
}
