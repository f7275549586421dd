package ru.eschool.timetable;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.browser.BrowserTest;

/**
 * The admin plans a lesson in the weekly grid, makes the quarter's lessons, and gives one of them a
 * substitute; the substitute opens their week and sees it highlighted.
 */
class TimetableJourneyTests extends BrowserTest {

	@Autowired JdbcClient db;

	@Test
	void aSubstitutionMadeByTheAdminShowsHighlightedInTheSubstitutesWeek() {
		TimetableMother mother = new TimetableMother(db, data);
		School school = mother.school();
		Account admin = data.schoolAdmin(school);
		long klass = data.schoolClass(school, 5, "А");
		long ivanova = mother.teacher(school, "Иванова");
		long petrova = mother.teacher(school, "Петрова");
		long assignment = mother.assign(ivanova, data.subject(school, "Математика"), klass, null);
		long quarter2 = mother.ids("select id from school_study_period where academic_year_id = ? and number = 2",
				school.yearId()).get(0);

		signIn(admin.login(), "password1");
		open("/admin/timetable/classes/" + klass);
		new Select(find("#f-weekday")).selectByValue("1");
		new Select(find("#f-slot")).selectByValue("1/1");
		new Select(find("#f-assignmentId")).selectByValue(String.valueOf(assignment));
		type("#f-room", "201");
		find("form[action$='/entries'] button[type=submit]").click();
		waitForText(".alert.ok", text("timetable.template.added"));
		assertThat(find(".tt-grid").getText()).contains("Математика", "201");

		new Select(find("#f-period")).selectByValue(String.valueOf(quarter2));
		find("form[action$='/generate'] button[type=submit]").click();
		waitForText(".alert.ok", text("timetable.generate.done", 7));

		open("/timetable/classes/" + klass + "?week=" + TimetableMother.MONDAY);
		find("li.lesson a").click();
		new Select(find("#f-substitute-substituteId")).selectByValue(String.valueOf(petrova));
		type("#f-substitute-reason", "Курсы повышения квалификации");
		find("form[action$='/substitute'] button[type=submit]").click();
		waitForText(".alert.ok", text("timetable.change.saved.substitute"));
		assertThat(find("table tbody").getText()).contains("Петрова", "Курсы повышения квалификации");

		driver.manage().deleteAllCookies();
		signIn(mother.teacherAccount(school, petrova).login(), "password1");
		open("/timetable?week=" + TimetableMother.MONDAY);
		assertThat(driver.findElements(By.cssSelector("li.lesson"))).hasSize(1);
		assertThat(find("li.lesson.changed").getText()).contains("Математика", "5А",
				text("timetable.flag.youSubstitute", "Иванова А."), "Курсы повышения квалификации");
	}
}
