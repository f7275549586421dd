package ru.eschool.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;

/** Classes of the current year, their class teachers and groups, kept within the admin's school. */
@EschoolTest
class ClassPagesTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;

	School school;
	School other;
	Account admin;

	@BeforeEach
	void setUp() {
		school = data.school();
		other = data.school();
		admin = data.schoolAdmin(school);
	}

	@Test
	void aClassIsCreatedAndListedByGradeWithItsSizeAndClassTeacher() throws Exception {
		long teacher = data.staff(school, "Кузнецова", "Ирина", "TEACHER");
		mvc.perform(post("/admin/classes").with(data.as(admin)).with(csrf()).param("grade", "5").param("letter", "б")
			.param("classTeacherId", String.valueOf(teacher))).andExpect(status().is3xxRedirection());
		long id = db.sql("select id from school_class where academic_year_id = :y and grade = 5 and letter = 'Б'")
			.param("y", school.yearId()).query(Long.class).single();
		data.student(school, id, "Первый", "Коля");
		data.student(school, id, "Второй", "Оля");
		Document list = Jsoup.parse(mvc.perform(get("/admin/classes").with(data.as(admin))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(list.select("a[href=/admin/classes/" + id + "]").text()).isEqualTo("5Б");
		assertThat(list.select("a[href=/admin/classes/" + id + "]").parents().select("tr").first().text())
			.contains("2").contains("Кузнецова Ирина");
	}

	@Test
	void aDuplicateOrInvalidClassGetsAClearMessageAndNothingIsCreated() throws Exception {
		data.schoolClass(school, 5, "А");
		mvc.perform(post("/admin/classes").with(data.as(admin)).with(csrf()).param("grade", "5").param("letter", "а"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("5А")))
			.andExpect(content().string(containsString("id=\"e-letter\"")));
		Document page = Jsoup.parse(mvc.perform(post("/admin/classes").with(data.as(admin)).with(csrf())
			.param("grade", "12").param("letter", "5!")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
		assertThat(page.select("#e-grade").text()).isNotEmpty();
		assertThat(page.select("#e-letter").text()).isNotEmpty();
		assertThat(db.sql("select count(*) from school_class where institution_id = :i").param("i", school.id())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theClassTeacherIsChosenAmongTheSchoolsOwnStaff() throws Exception {
		long fiveA = data.schoolClass(school, 5, "А");
		long own = data.staff(school, "Своя", "Анна", "TEACHER");
		long foreign = data.staff(other, "Чужая", "Вера", "TEACHER");
		mvc.perform(post("/admin/classes/" + fiveA + "/teacher").with(data.as(admin)).with(csrf())
			.param("staffId", String.valueOf(foreign))).andExpect(status().isNotFound());
		mvc.perform(post("/admin/classes").with(data.as(admin)).with(csrf()).param("grade", "6").param("letter", "А")
			.param("classTeacherId", String.valueOf(foreign))).andExpect(status().isNotFound());
		assertThat(classTeacher(fiveA)).isNull();
		mvc.perform(post("/admin/classes/" + fiveA + "/teacher").with(data.as(admin)).with(csrf())
			.param("staffId", String.valueOf(own))).andExpect(status().is3xxRedirection());
		assertThat(classTeacher(fiveA)).isEqualTo(own);
		mvc.perform(post("/admin/classes/" + fiveA + "/teacher").with(data.as(admin)).with(csrf()).param("staffId", ""))
			.andExpect(status().is3xxRedirection());
		assertThat(classTeacher(fiveA)).isNull();
	}

	@Test
	void theClassPageListsCurrentStudentsLinkedToTheirCards() throws Exception {
		long fiveA = data.schoolClass(school, 5, "А");
		long stays = data.student(school, fiveA, "Остаётся", "Миша");
		long left = data.student(school, fiveA, "Ушедший", "Петя");
		db.sql("update school_enrolment set left_on = :d where student_id = :s").param("d", java.time.LocalDate.of(2026, 10, 1))
			.param("s", left).update();
		mvc.perform(get("/admin/classes/" + fiveA).with(data.as(admin))).andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/admin/students/" + stays + "\"")))
			.andExpect(content().string(not(containsString("Ушедший"))));
	}

	@Test
	void groupsAreCreatedFilledWithTheClassesStudentsAndDeletedOnlyWhenEmpty() throws Exception {
		long fiveA = data.schoolClass(school, 5, "А");
		long anna = data.student(school, fiveA, "Аннова", "Анна");
		long boris = data.student(school, fiveA, "Борисов", "Борис");
		mvc.perform(post("/admin/classes/" + fiveA + "/groups").with(data.as(admin)).with(csrf())
			.param("groupName", "Английский, группа 1")).andExpect(status().is3xxRedirection());
		long group = db.sql("select id from school_class_group where class_id = :c").param("c", fiveA)
			.query(Long.class).single();
		mvc.perform(post("/admin/classes/" + fiveA + "/groups").with(data.as(admin)).with(csrf())
			.param("groupName", "Английский, группа 1")).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"e-groupName\"")));

		mvc.perform(post("/admin/classes/" + fiveA + "/groups/" + group + "/members").with(data.as(admin)).with(csrf())
			.param("studentId", String.valueOf(anna), String.valueOf(boris))).andExpect(status().is3xxRedirection());
		assertThat(members(group)).isEqualTo(2);

		mvc.perform(post("/admin/classes/" + fiveA + "/groups/" + group + "/delete").with(data.as(admin)).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("alert err")));
		assertThat(db.sql("select count(*) from school_class_group where id = :g").param("g", group).query(Long.class)
			.single()).isEqualTo(1);

		mvc.perform(post("/admin/classes/" + fiveA + "/groups/" + group + "/members").with(data.as(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/classes/" + fiveA + "/groups/" + group + "/delete").with(data.as(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(db.sql("select count(*) from school_class_group where id = :g").param("g", group).query(Long.class)
			.single()).isZero();
	}

	@Test
	void aGroupTakesOnlyStudentsOfItsOwnClass() throws Exception {
		long fiveA = data.schoolClass(school, 5, "А");
		long fiveB = data.schoolClass(school, 5, "Б");
		long own = data.student(school, fiveA, "Свой", "Саша");
		long neighbour = data.student(school, fiveB, "Соседний", "Дима");
		long foreignClass = data.schoolClass(other, 5, "А");
		long foreigner = data.student(other, foreignClass, "Чужой", "Ваня");
		long group = data.classGroup(fiveA, "Английский, группа 2");
		for (long intruder : new long[] { neighbour, foreigner }) {
			mvc.perform(post("/admin/classes/" + fiveA + "/groups/" + group + "/members").with(data.as(admin))
				.with(csrf()).param("studentId", String.valueOf(own), String.valueOf(intruder)))
				.andExpect(status().isNotFound());
		}
		assertThat(members(group)).isZero();
	}

	@Test
	void anotherSchoolsClassAndGroupAreNotFoundAndUnchanged() throws Exception {
		long foreignClass = data.schoolClass(other, 7, "В");
		long foreignGroup = data.classGroup(foreignClass, "Информатика, группа 1");
		long ownClass = data.schoolClass(school, 7, "В");
		mvc.perform(get("/admin/classes/" + foreignClass).with(data.as(admin))).andExpect(status().isNotFound());
		mvc.perform(post("/admin/classes/" + foreignClass + "/groups").with(data.as(admin)).with(csrf())
			.param("groupName", "Взлом")).andExpect(status().isNotFound());
		mvc.perform(get("/admin/classes/" + ownClass + "/groups/" + foreignGroup).with(data.as(admin)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/classes/" + foreignClass + "/groups/" + foreignGroup).with(data.as(admin)).with(csrf())
			.param("groupName", "Взлом")).andExpect(status().isNotFound());
		mvc.perform(post("/admin/classes/" + foreignClass + "/groups/" + foreignGroup + "/delete").with(data.as(admin))
			.with(csrf())).andExpect(status().isNotFound());
		assertThat(db.sql("select name from school_class_group where class_id = :c").param("c", foreignClass)
			.query(String.class).list()).containsExactly("Информатика, группа 1");
		mvc.perform(get("/admin/classes").with(data.as(admin))).andExpect(status().isOk())
			.andExpect(content().string(containsString("/admin/classes/" + ownClass)))
			.andExpect(content().string(not(containsString("/admin/classes/" + foreignClass + "\""))));
	}

	@Test
	void theAdminMenuShowsTheStructurePages() throws Exception {
		Document page = Jsoup.parse(mvc.perform(get("/admin/classes").with(data.as(admin))).andReturn().getResponse()
			.getContentAsString());
		assertThat(page.select("nav.menu a").eachAttr("href")).containsSubsequence("/admin/year", "/admin/subjects",
				"/admin/staff", "/admin/classes");
	}

	private Long classTeacher(long classId) {
		return db.sql("select class_teacher_id from school_class where id = :c").param("c", classId)
			.query((rs, n) -> (Long) rs.getObject(1, Long.class)).optional().orElse(null);
	}

	private long members(long group) {
		return db.sql("select count(*) from school_group_member where group_id = :g").param("g", group)
			.query(Long.class).single();
	}
}
