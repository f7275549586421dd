package ru.eschool.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/**
 * Keyboard-first journal: Tab saves a cell like Enter and moves to the next lesson of the same
 * student; a code after a mark gives it its own type of work.
 */
class JournalKeyboardJourneyTests extends BrowserTest {

	@Autowired Clock clock;
	@Autowired JdbcClient db;

	@Test
	void tabSavesTheCellAndMovesToTheNextLessonAndACodeSetsTheMarksType() {
		LocalDate today = LocalDate.now(clock);
		School school = data.school();
		data.studyPeriod(school, 1, today.minusDays(20), today.plusDays(40));
		long klass = data.schoolClass(school, 8, "В");
		long pupil = data.student(school, klass, "Андреев", "Илья");
		long staff = data.staff(school, "Клавиатурная", "Ольга", "TEACHER");
		long geography = data.subject(school, "География");
		data.assign(staff, geography, klass);
		long first = data.lesson(school, klass, null, geography, staff, today.minusDays(2), 1);
		long second = data.lesson(school, klass, null, geography, staff, today.minusDays(1), 1);
		Account teacher = data.account("Клавиатурная Ольга", TestData.grant(Role.TEACHER, school, staff));

		signIn(teacher.login(), "password1");
		open("/journal/" + klass + "/" + geography);
		WebElement cell = find("form:has(input[name=c][value^='" + first + "." + pupil + ".']) input[name=v]");
		cell.click();
		cell.sendKeys("5 4к", Keys.TAB);
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
		wait.until(d -> db.sql("select count(*) from gradebook_mark where lesson_id = :l").param("l", first)
			.query(Long.class).single() == 2);
		wait.until(d -> d.switchTo().activeElement().findElement(By.xpath("..")).findElement(By.name("c"))
			.getDomAttribute("value").startsWith(second + "." + pupil + "."));
		assertThat(db.sql("""
				select w.weight from gradebook_mark m join gradebook_work_type w on w.id = m.work_type_id
				where m.lesson_id = :l order by m.position""").param("l", first).query(Integer.class).list())
			.containsExactly(1, 3);
		wait.until(d -> d.findElement(By.cssSelector("form:has(input[name=c][value^='" + first + "." + pupil
				+ ".']) input[name=v]")).getDomProperty("value").equals("5 4к"));
	}
}
