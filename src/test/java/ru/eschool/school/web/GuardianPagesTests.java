package ru.eschool.school.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;

/** Guardians and their links to students: several per child, several children per guardian. */
@EschoolTest
class GuardianPagesTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;

	School school;
	School other;
	Account admin;
	long misha;
	long anya;
	long otherStudent;
	long otherGuardian;

	@BeforeEach
	void setUp() {
		school = data.school();
		other = data.school();
		admin = data.schoolAdmin(school);
		long classA = data.schoolClass(school, 5, "А");
		long classB = data.schoolClass(school, 2, "В");
		misha = data.student(school, classA, "Петров", "Миша");
		anya = data.student(school, classB, "Петрова", "Аня");
		long otherClass = data.schoolClass(other, 5, "А");
		otherStudent = data.student(other, otherClass, "Чужой", "Ваня");
		otherGuardian = data.guardian(other, "Чужая", "Мама", otherStudent);
	}

	@Test
	void adminCreatesAGuardianLinkedRightAwayToAStudent() throws Exception {
		mvc.perform(get("/admin/guardians/new").param("studentId", Long.toString(misha)).with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Петров Миша")));
		mvc.perform(post("/admin/guardians").with(data.as(admin)).with(csrf())
				.param("lastName", "Петрова").param("firstName", "Ольга").param("middleName", "Ивановна")
				.param("phone", "+7 914 000-11-22").param("email", "olga@example.ru")
				.param("studentId", Long.toString(misha)).param("relation", "MOTHER"))
			.andExpect(redirectedUrl("/admin/students/" + misha));
		var row = db.sql("""
				select g.phone, g.email, l.relation from school_guardian g join school_guardianship l on l.guardian_id = g.id
				where l.student_id = :s""").param("s", misha).query().singleRow();
		assertThat(row.get("phone")).isEqualTo("+79140001122");
		assertThat(row.get("email")).isEqualTo("olga@example.ru");
		assertThat(row.get("relation")).isEqualTo("MOTHER");
		mvc.perform(get("/admin/students/" + misha).with(data.as(admin)))
			.andExpect(content().string(containsString("Петрова Ольга Ивановна")))
			.andExpect(content().string(containsString("мать")));
	}

	@Test
	void invalidGuardianReRendersWithAMessagePerFieldAndSavesNothing() throws Exception {
		long before = guardians();
		mvc.perform(post("/admin/guardians").with(data.as(admin)).with(csrf())
				.param("lastName", "").param("firstName", "").param("phone", "12").param("email", "@")
				.param("studentId", Long.toString(misha)).param("relation", "UNCLE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"e-lastName\"")))
			.andExpect(content().string(containsString("id=\"e-firstName\"")))
			.andExpect(content().string(containsString("id=\"e-phone\"")))
			.andExpect(content().string(containsString("id=\"e-email\"")))
			.andExpect(content().string(containsString("id=\"e-relation\"")));
		assertThat(guardians()).isEqualTo(before);
	}

	@Test
	void oneGuardianHasSeveralChildrenAndOneChildSeveralGuardians() throws Exception {
		long olga = data.guardian(school, "Петрова", "Ольга", misha);
		long ivan = data.guardian(school, "Петров", "Иван");
		mvc.perform(post("/admin/guardians/" + olga + "/children").with(data.as(admin)).with(csrf())
				.param("studentId", Long.toString(anya)).param("relation", "MOTHER"))
			.andExpect(redirectedUrl("/admin/guardians/" + olga));
		mvc.perform(post("/admin/students/" + misha + "/guardians").with(data.as(admin)).with(csrf())
				.param("guardianId", Long.toString(ivan)).param("relation", "FATHER"))
			.andExpect(redirectedUrl("/admin/students/" + misha));
		mvc.perform(get("/admin/guardians/" + olga).with(data.as(admin)))
			.andExpect(content().string(containsString("Петров Миша")))
			.andExpect(content().string(containsString("Петрова Аня")));
		mvc.perform(get("/admin/students/" + misha).with(data.as(admin)))
			.andExpect(content().string(containsString("Петрова Ольга")))
			.andExpect(content().string(containsString("Петров Иван")))
			.andExpect(content().string(containsString("отец")));
		mvc.perform(get("/admin/guardians").param("q", "петрова").with(data.as(admin)))
			.andExpect(content().string(containsString("Петрова Ольга")))
			.andExpect(content().string(not(containsString("Петров Иван"))));

		mvc.perform(post("/admin/guardians/" + olga + "/children/" + anya + "/unlink").with(data.as(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/students/" + misha + "/guardians/" + ivan + "/unlink").with(data.as(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(links()).containsExactly(olga + "-" + misha);
	}

	@Test
	void studentCardFindsAnExistingGuardianToLink() throws Exception {
		data.guardian(school, "Сидоров", "Пётр");
		mvc.perform(get("/admin/students/" + misha).param("gq", "сидор").with(data.as(admin)))
			.andExpect(content().string(containsString("Сидоров Пётр")));
		mvc.perform(get("/admin/students/" + misha).param("gq", "Чужая").with(data.as(admin)))
			.andExpect(content().string(not(containsString("Чужая Мама"))));
	}

	@Test
	void adminEditsAGuardianAndInvalidInputChangesNothing() throws Exception {
		long olga = data.guardian(school, "Петрова", "Ольга", misha);
		mvc.perform(post("/admin/guardians/" + olga).with(data.as(admin)).with(csrf())
				.param("lastName", "Петрова").param("firstName", "Ольга").param("phone", "89141112233"))
			.andExpect(status().is3xxRedirection());
		assertThat(phone(olga)).isEqualTo("+79141112233");
		mvc.perform(post("/admin/guardians/" + olga).with(data.as(admin)).with(csrf())
				.param("lastName", "").param("firstName", "Ольга").param("phone", "abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"e-phone\">Введите номер телефона")));
		assertThat(phone(olga)).isEqualTo("+79141112233");
	}

	@Test
	void adminCannotTouchAnotherSchoolsGuardiansOrStudents() throws Exception {
		long olga = data.guardian(school, "Петрова", "Ольга", misha);
		List<String> before = links();
		mvc.perform(get("/admin/guardians/" + otherGuardian).with(data.as(admin))).andExpect(status().isNotFound());
		mvc.perform(get("/admin/guardians/new").param("studentId", Long.toString(otherStudent)).with(data.as(admin)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/guardians/" + otherGuardian).with(data.as(admin)).with(csrf())
				.param("lastName", "Взлом").param("firstName", "Мама"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/guardians").with(data.as(admin)).with(csrf())
				.param("lastName", "Новая").param("firstName", "Мама").param("studentId", Long.toString(otherStudent))
				.param("relation", "MOTHER"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/guardians/" + olga + "/children").with(data.as(admin)).with(csrf())
				.param("studentId", Long.toString(otherStudent)).param("relation", "MOTHER"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/students/" + misha + "/guardians").with(data.as(admin)).with(csrf())
				.param("guardianId", Long.toString(otherGuardian)).param("relation", "MOTHER"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/guardians/" + otherGuardian + "/children/" + otherStudent + "/unlink")
				.with(data.as(admin)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/students/" + otherStudent + "/guardians/" + otherGuardian + "/unlink")
				.with(data.as(admin)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(links()).isEqualTo(before);
		assertThat(db.sql("select count(*) from school_guardianship where guardian_id = :g").param("g", otherGuardian)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(db.sql("select count(*) from school_guardian where last_name = 'Новая'").query(Long.class).single())
			.isZero();
		mvc.perform(get("/admin/guardians").param("q", "Чужая").with(data.as(admin)))
			.andExpect(content().string(not(containsString("Чужая Мама"))));
	}

	private long guardians() {
		return db.sql("select count(*) from school_guardian").query(Long.class).single();
	}

	private String phone(long guardian) {
		return db.sql("select phone from school_guardian where id = :g").param("g", guardian).query(String.class).single();
	}

	/** "guardian-student" pairs of this school's links. */
	private List<String> links() {
		return db.sql("""
				select cast(l.guardian_id as varchar(20)) || '-' || cast(l.student_id as varchar(20)) from school_guardianship l
				join school_guardian g on g.id = l.guardian_id where g.institution_id = :i order by 1""")
			.param("i", school.id()).query(String.class).list();
	}
}
