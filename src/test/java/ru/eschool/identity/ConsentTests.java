package ru.eschool.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/** Consent to personal-data processing is its own document, recorded with its version and time. */
@EschoolTest
class ConsentTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired Invitations invitations;

	private String code(Role role, School school, long person) {
		return invitations.issue(List.of(new Invitations.Request(role, school.id(), person, "Кто-то")), 0).get(0).code();
	}

	private long accounts(String login) {
		return db.sql("select count(*) from identity_account where login = :l").param("l", login).query(Long.class).single();
	}

	@Test
	void aGuardianCannotRegisterWithoutConsentAndItIsRecordedWhenGiven() throws Exception {
		School school = data.school();
		long child = data.student(school, data.schoolClass(school, 1, "А"), "Малыш", "Петя");
		String code = code(Role.GUARDIAN, school, data.guardian(school, "Мама", "Оля", child));
		String login = "mama" + TestData.next();
		mvc.perform(post("/register/account").with(csrf()).param("code", code).param("login", login)
			.param("password", "long-enough-1").param("confirm", "long-enough-1"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Без согласия")));
		assertThat(accounts(login)).isZero();

		mvc.perform(post("/register/account").with(csrf()).param("code", code).param("login", login)
			.param("password", "long-enough-1").param("confirm", "long-enough-1").param("consent", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(db.sql("""
				select c.text_version from identity_consent c join identity_account a on a.id = c.account_id
				where a.login = :l""").param("l", login).query(String.class).list()).containsExactly("2026-12-04");
	}

	@Test
	void aStudentsConsentIsGivenByTheGuardianSoTheStudentIsNotAsked() throws Exception {
		School school = data.school();
		long student = data.student(school, data.schoolClass(school, 8, "Б"), "Ученик", "Гена");
		String code = code(Role.STUDENT, school, student);
		mvc.perform(post("/register/code").with(csrf()).param("code", code))
			.andExpect(content().string(containsString("даёт его родитель")));
		String login = "gena" + TestData.next();
		mvc.perform(post("/register/account").with(csrf()).param("code", code).param("login", login)
			.param("password", "long-enough-1").param("confirm", "long-enough-1")).andExpect(status().is3xxRedirection());
		assertThat(accounts(login)).isOne();
	}

	@Test
	void theConsentTextIsPublicAndNamesWhatIsNotCollected() throws Exception {
		mvc.perform(get("/consent")).andExpect(status().isOk())
			.andExpect(content().string(containsString("СНИЛС, паспортные данные, ИНН")));
	}
}
