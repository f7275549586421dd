package ru.eschool.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/** A substitute finds the journals of the lessons they substitute on /journal and keeps those lessons. */
@EschoolTest
class SubstituteJournalsTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;

	@Test
	void aSubstituteSeesTheJournalOfTheSubstitutedLessonInTheirListAndKeepsIt() throws Exception {
		School school = data.school();
		long sevenB = data.schoolClass(school, 7, "Б");
		long physics = data.subject(school, "Физика");
		long planned = data.staff(school, "Плановая", "Анна", "TEACHER");
		long substitute = data.staff(school, "Заменяющий", "Олег", "TEACHER");
		data.assign(planned, physics, sevenB);
		long q1 = data.studyPeriod(school, 1, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 25));
		long student = data.student(school, sevenB, "Иванов", "Пётр");
		long lesson = data.lesson(school, sevenB, null, physics, planned, LocalDate.of(2026, 9, 8), 3);
		long other = data.lesson(school, sevenB, null, physics, planned, LocalDate.of(2026, 9, 9), 3);
		Account sub = data.account("Заменяющий Олег", TestData.grant(Role.TEACHER, school, substitute));

		String before = mvc.perform(get("/journal").with(data.as(sub))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(before).doesNotContain("Физика");

		data.substitute(lesson, substitute, "Болезнь учителя");
		String list = mvc.perform(get("/journal").with(data.as(sub))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("Журналы уроков, где вы заменяете", "7Б", "Физика", "08.09.2026",
				"/journal/" + sevenB + "/" + physics + "?period=" + q1);
		// the planned teacher's own list does not show it as a substitution
		Account plannedAccount = data.account("Плановая Анна", TestData.grant(Role.TEACHER, school, planned));
		assertThat(mvc.perform(get("/journal").with(data.as(plannedAccount))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("где вы заменяете");

		String grid = mvc.perform(get("/journal/" + sevenB + "/" + physics + "?period=" + q1).with(data.as(sub)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(grid).contains("value=\"" + lesson + "." + student + ".0\"")
			.doesNotContain("value=\"" + other + "." + student + ".0\"").doesNotContain(physics + "/year");
		mvc.perform(post("/journal/cell").with(data.as(sub)).with(csrf()).param("c", lesson + "." + student + ".0")
			.param("v", "5")).andExpect(status().isOk());
		mvc.perform(post("/journal/cell").with(data.as(sub)).with(csrf()).param("c", other + "." + student + ".0")
			.param("v", "5")).andExpect(status().isNotFound());
		// a teacher of another school substituting nothing here sees nothing of it
		School elsewhere = data.school();
		long stranger = data.staff(elsewhere, "Чужой", "Учитель", "TEACHER");
		Account strangerAccount = data.account("Чужой Учитель", TestData.grant(Role.TEACHER, elsewhere, stranger));
		assertThat(mvc.perform(get("/journal").with(data.as(strangerAccount))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Физика");
	}
}
