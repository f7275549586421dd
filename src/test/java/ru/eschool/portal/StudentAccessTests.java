package ru.eschool.portal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.identity.AccountProvisioning.Grant;
import ru.eschool.shared.Role;

/** Each role sees only the students it must; crossing a line by typing an id gets 404. */
@EschoolTest
class StudentAccessTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;

	School school;
	School otherSchool;
	long ownChild;
	long classmate;
	long otherSchoolChild;
	long classA;
	Account guardian;

	@BeforeEach
	void setUp() {
		school = data.school();
		otherSchool = data.school();
		classA = data.schoolClass(school, 5, "А");
		long classB = data.schoolClass(school, 6, "Б");
		ownChild = data.student(school, classA, "Петров", "Миша");
		classmate = data.student(school, classA, "Сидорова", "Аня");
		data.student(school, classB, "Кузнецов", "Олег");
		long otherClass = data.schoolClass(otherSchool, 5, "А");
		otherSchoolChild = data.student(otherSchool, otherClass, "Чужой", "Ваня");
		long g = data.guardian(school, "Петрова", "Ольга", ownChild);
		guardian = data.account("Петрова Ольга", TestData.grant(Role.GUARDIAN, school, g));
	}

	@Test
	void guardianSeesOnlyOwnChildrenOnTheHomePage() throws Exception {
		mvc.perform(get("/").with(data.as(guardian)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Петров Миша")))
			.andExpect(content().string(not(containsString("Сидорова"))));
	}

	@Test
	void guardianOpensOwnChildButNotAClassmateNorAnotherSchoolsChild() throws Exception {
		mvc.perform(get("/students/" + ownChild).with(data.as(guardian))).andExpect(status().isOk());
		mvc.perform(get("/students/" + classmate).with(data.as(guardian))).andExpect(status().isNotFound());
		mvc.perform(get("/students/" + otherSchoolChild).with(data.as(guardian))).andExpect(status().isNotFound());
		mvc.perform(get("/students/999999999").with(data.as(guardian))).andExpect(status().isNotFound());
	}

	@Test
	void studentSeesOnlyThemselves() throws Exception {
		Account student = data.account("Петров Миша", TestData.grant(Role.STUDENT, school, ownChild));
		mvc.perform(get("/students/" + ownChild).with(data.as(student))).andExpect(status().isOk());
		mvc.perform(get("/students/" + classmate).with(data.as(student))).andExpect(status().isNotFound());
	}

	@Test
	void teacherSeesStudentsOfTheirClassesOnly() throws Exception {
		long staff = data.staff(school, "Иванова", "Анна", "TEACHER");
		long math = data.subject(school, "Математика");
		data.assign(staff, math, classA);
		Account teacher = data.account("Иванова Анна", TestData.grant(Role.TEACHER, school, staff));
		mvc.perform(get("/").with(data.as(teacher))).andExpect(content().string(containsString("Математика")));
		mvc.perform(get("/students/" + classmate).with(data.as(teacher))).andExpect(status().isOk());
		mvc.perform(get("/students/" + otherSchoolChild).with(data.as(teacher))).andExpect(status().isNotFound());
	}

	@Test
	void schoolAdminSeesOwnSchoolOnly() throws Exception {
		long staff = data.staff(school, "Завуч", "Елена", "DEPUTY");
		Account admin = data.account("Завуч Елена", TestData.grant(Role.SCHOOL_ADMIN, school, staff));
		mvc.perform(get("/students/" + classmate).with(data.as(admin))).andExpect(status().isOk());
		mvc.perform(get("/students/" + otherSchoolChild).with(data.as(admin))).andExpect(status().isNotFound());
	}

	@Test
	void regionalAdminSeesNoChildsPersonalData() throws Exception {
		Account region = data.account("Регион", new Grant(Role.REGION_ADMIN, null, null));
		mvc.perform(get("/students/" + ownChild).with(data.as(region))).andExpect(status().isForbidden());
	}

	@Test
	void anonymousIsSentToTheLoginPage() throws Exception {
		mvc.perform(get("/students/" + ownChild)).andExpect(status().is3xxRedirection());
	}
}
