package ru.eschool.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.identity.AccountDirectory;
import ru.eschool.shared.Role;

@EschoolTest
class RelationsTests {

	@Autowired
	TestData data;

	@Autowired
	Relations relations;

	@Autowired
	AccountDirectory accounts;

	@Test
	void guardiansOfStudentsAndTheirAccounts() {
		var school = data.school();
		long classId = data.schoolClass(school, 5, "А");
		long student = data.student(school, classId, "Орлова", "Анна");
		long other = data.student(school, classId, "Орлов", "Пётр");
		long mother = data.guardian(school, "Орлова", "Мария", student);
		long father = data.guardian(school, "Орлов", "Иван", student);
		assertThat(relations.guardiansOf(List.of(student, other))).containsOnlyKeys(student);
		assertThat(relations.guardiansOf(List.of(student)).get(student)).containsExactly(mother, father);
		assertThat(relations.guardiansOf(List.of())).isEmpty();

		var account = data.account("Орлова М.", TestData.grant(Role.GUARDIAN, school, mother));
		assertThat(accounts.accountsOf(Role.GUARDIAN, List.of(mother, father))).containsOnlyKeys(mother);
		assertThat(accounts.accountsOf(Role.GUARDIAN, List.of(mother)).get(mother)).containsExactly(account.id());
		assertThat(accounts.accountsOf(Role.TEACHER, List.of(mother))).isEmpty();
	}
}
