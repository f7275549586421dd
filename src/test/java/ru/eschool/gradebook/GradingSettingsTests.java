package ru.eschool.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

@EschoolTest
class GradingSettingsTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;

	School school;
	Account admin;

	@BeforeEach
	void setUp() {
		school = data.school();
		admin = data.schoolAdmin(school);
	}

	@Test
	void theUsualTypesOfWorkAndThresholdsAreThereOnFirstUse() throws Exception {
		mvc.perform(get("/admin/gradebook").with(data.as(admin))).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Контрольная работа")))
			.andExpect(content().string(Matchers.containsString("value=\"4.50\"")));
		assertThat(db.sql("select weight from gradebook_work_type where institution_id = :i and name = 'Контрольная работа'")
			.param("i", school.id()).query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void thresholdsMustStrictlyDecreaseWithinOneToFive() throws Exception {
		mvc.perform(post("/admin/gradebook/rules").with(data.as(admin)).with(csrf()).param("five", "4,5")
			.param("four", "4,5").param("three", "2.5")).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("field-error")));
		mvc.perform(post("/admin/gradebook/rules").with(data.as(admin)).with(csrf()).param("five", "5.5")
			.param("four", "3.5").param("three", "2.5")).andExpect(status().isOk());
		assertThat(db.sql("select count(*) from gradebook_settings where institution_id = :i").param("i", school.id())
			.query(Long.class).single()).isZero();
		mvc.perform(post("/admin/gradebook/rules").with(data.as(admin)).with(csrf()).param("five", "4,6")
			.param("four", "3.6").param("three", "2.6").param("allowOne", "on")).andExpect(status().is3xxRedirection());
		assertThat(db.sql("""
				select threshold_five || ' ' || threshold_four || ' ' || threshold_three || ' ' || allow_one
				from gradebook_settings where institution_id = :i""").param("i", school.id()).query(String.class).single())
			.isEqualToIgnoringCase("460 360 260 true");
	}

	@Test
	void aTypeOfWorkIsAddedRenamedAndReweightedWithinOneToFive() throws Exception {
		mvc.perform(post("/admin/gradebook/types").with(data.as(admin)).with(csrf()).param("name", "Зачётная работа")
			.param("weight", "4")).andExpect(status().is3xxRedirection());
		long id = db.sql("select id from gradebook_work_type where institution_id = :i and name = 'Зачётная работа'")
			.param("i", school.id()).query(Long.class).single();
		mvc.perform(post("/admin/gradebook/types/" + id).with(data.as(admin)).with(csrf()).param("name", "Итоговая работа")
			.param("weight", "6"));
		mvc.perform(post("/admin/gradebook/types/" + id).with(data.as(admin)).with(csrf()).param("name", "Диктант")
			.param("weight", "2"));
		assertThat(db.sql("select name || ':' || weight from gradebook_work_type where id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("Зачётная работа:4");
		mvc.perform(post("/admin/gradebook/types/" + id).with(data.as(admin)).with(csrf()).param("name", "Итоговая работа")
			.param("weight", "5"));
		assertThat(db.sql("select name || ':' || weight from gradebook_work_type where id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("Итоговая работа:5");
		Account foreignAdmin = data.schoolAdmin(data.school());
		mvc.perform(post("/admin/gradebook/types/" + id).with(data.as(foreignAdmin)).with(csrf()).param("name", "Чужая")
			.param("weight", "1")).andExpect(status().isNotFound());
	}

	@Test
	void onlyASchoolAdminSeesTheSettings() throws Exception {
		long staff = data.staff(school, "Учитель", "Иван", "TEACHER");
		Account teacher = data.account("Учитель Иван", TestData.grant(Role.TEACHER, school, staff));
		mvc.perform(get("/admin/gradebook").with(data.as(teacher))).andExpect(status().isForbidden());
	}
}
