package ru.eschool.browser;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/** A teacher who is also a parent switches role in the header and gets the other home page. */
class RoleSwitchJourneyTests extends BrowserTest {

	@Test
	void aTeacherWhoIsAlsoAParentSwitchesRoleInTheHeader() {
		School school = data.school();
		long taught = data.schoolClass(school, 8, "А");
		long ownChildsClass = data.schoolClass(school, 2, "Б");
		long child = data.student(school, ownChildsClass, "Медведев", "Лев");
		long staff = data.staff(school, "Медведева", "Татьяна", "TEACHER");
		data.assign(staff, data.subject(school, "Химия"), taught);
		long guardian = data.guardian(school, "Медведева", "Татьяна", child);
		Account account = data.account("Медведева Татьяна", TestData.grant(Role.TEACHER, school, staff),
				TestData.grant(Role.GUARDIAN, school, guardian));

		signIn(account.login(), "password1");
		waitForHeading(text("home.hello", "Медведева Татьяна"));
		assertThat(mainText()).contains(text("home.classes"), "8А", "Химия").doesNotContain("Медведев Лев");

		// app.js submits the form as soon as another role is chosen: no button press
		chooseRole(text("role.GUARDIAN"));
		waitForText("main", "Медведев Лев");
		assertThat(mainText()).contains(text("home.children")).doesNotContain("Химия");
		assertThat(new Select(find("#role-switch")).getFirstSelectedOption().getText()).startsWith(text("role.GUARDIAN"));

		chooseRole(text("role.TEACHER"));
		waitForText("main", "Химия");
	}

	/** Picks the role in the header's switcher as a person does: by its visible name. */
	void chooseRole(String role) {
		Select roles = new Select(find("#role-switch"));
		roles.getOptions().stream().filter(o -> o.getText().startsWith(role)).findFirst().orElseThrow().click();
	}
}
