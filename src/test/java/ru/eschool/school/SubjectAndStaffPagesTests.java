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
import ru.eschool.shared.Role;

/** Subjects, staff and teaching assignments, each kept within the admin's school. */
@EschoolTest
class SubjectAndStaffPagesTests {

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
	void aDuplicateSubjectNameIsRefusedWhateverItsCase() throws Exception {
		mvc.perform(post("/admin/subjects").with(data.as(admin)).with(csrf()).param("name", "Физическая культура")
			.param("passFail", "on")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/subjects").with(data.as(admin)).with(csrf()).param("name", " физическая КУЛЬТУРА "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"e-name\"")))
			.andExpect(content().string(containsString("уже есть")));
		assertThat(db.sql("select count(*) from school_subject where institution_id = :i").param("i", school.id())
			.query(Long.class).single()).isEqualTo(1);
		assertThat(db.sql("select pass_fail from school_subject where institution_id = :i").param("i", school.id())
			.query(Boolean.class).single()).isTrue();
		// the same name in another school is fine
		mvc.perform(post("/admin/subjects").with(data.as(data.schoolAdmin(other))).with(csrf())
			.param("name", "Физическая культура")).andExpect(status().is3xxRedirection());
	}

	@Test
	void aSubjectIsRenamedAndItsPassFailFlagChanged() throws Exception {
		long art = data.subject(school, "ИЗО");
		data.subject(school, "Музыка");
		mvc.perform(post("/admin/subjects/" + art).with(data.as(admin)).with(csrf()).param("name", "Музыка"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"e-name\"")));
		mvc.perform(post("/admin/subjects/" + art).with(data.as(admin)).with(csrf())
			.param("name", "Изобразительное искусство").param("passFail", "on")).andExpect(status().is3xxRedirection());
		assertThat(db.sql("select name || ':' || cast(pass_fail as varchar(5)) from school_subject where id = :id")
			.param("id", art).query(String.class).single()).isEqualToIgnoringCase("Изобразительное искусство:true");
	}

	@Test
	void anotherSchoolsSubjectIsNotFoundAndUnchanged() throws Exception {
		long foreign = data.subject(other, "Химия");
		mvc.perform(get("/admin/subjects/" + foreign).with(data.as(admin))).andExpect(status().isNotFound());
		mvc.perform(post("/admin/subjects/" + foreign).with(data.as(admin)).with(csrf()).param("name", "Алхимия"))
			.andExpect(status().isNotFound());
		assertThat(db.sql("select name from school_subject where id = :id").param("id", foreign).query(String.class)
			.single()).isEqualTo("Химия");
	}

	@Test
	void invalidStaffInputGetsAMessagePerFieldAndSavesNothing() throws Exception {
		long before = staffCount();
		Document page = Jsoup.parse(mvc.perform(post("/admin/staff").with(data.as(admin)).with(csrf())
			.param("lastName", "").param("firstName", "Ольга").param("position", "ASTRONAUT")
			.param("email", "not-an-address").param("phone", "12345"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page.select("#e-lastName").text()).isNotEmpty();
		assertThat(page.select("#e-position").text()).isNotEmpty();
		assertThat(page.select("#e-email").text()).isNotEmpty();
		assertThat(page.select("#e-phone").text()).isNotEmpty();
		assertThat(page.select("#e-firstName")).isEmpty();
		assertThat(page.select("#f-firstName").val()).isEqualTo("Ольга");
		assertThat(staffCount()).isEqualTo(before);
	}

	@Test
	void aTeacherIsCreatedWithANormalisedPhoneAndListedWithTheSubjectsTheyTeach() throws Exception {
		mvc.perform(post("/admin/staff").with(data.as(admin)).with(csrf()).param("lastName", "Смирнова")
			.param("firstName", "Ольга").param("middleName", "Ивановна").param("position", "TEACHER")
			.param("email", "o.smirnova@example.ru").param("phone", "8 (914) 123-45-67"))
			.andExpect(status().is3xxRedirection());
		long id = db.sql("select id from school_staff where institution_id = :i and last_name = 'Смирнова'")
			.param("i", school.id()).query(Long.class).single();
		assertThat(db.sql("select phone from school_staff where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("+79141234567");
		long math = data.subject(school, "Математика");
		long fiveA = data.schoolClass(school, 5, "А");
		mvc.perform(post("/admin/staff/" + id + "/assignments").with(data.as(admin)).with(csrf())
			.param("subjectId", String.valueOf(math)).param("classId", String.valueOf(fiveA)).param("groupId", ""))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/admin/staff").with(data.as(admin))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Смирнова Ольга Ивановна")))
			.andExpect(content().string(containsString("Математика")));
		mvc.perform(get("/admin/classes/" + fiveA).with(data.as(admin)))
			.andExpect(content().string(containsString("Смирнова Ольга Ивановна")));
	}

	@Test
	void anAssignmentToAnotherSchoolsClassSubjectOrGroupIsNotFoundAndNotMade() throws Exception {
		long teacher = data.staff(school, "Петров", "Пётр", "TEACHER");
		long math = data.subject(school, "Математика");
		long fiveA = data.schoolClass(school, 5, "А");
		long foreignSubject = data.subject(other, "Математика");
		long foreignClass = data.schoolClass(other, 5, "А");
		long foreignGroup = data.classGroup(foreignClass, "Английский, группа 1");
		long foreignTeacher = data.staff(other, "Чужой", "Учитель", "TEACHER");

		assign(teacher, foreignSubject, fiveA, null).andExpect(status().isNotFound());
		assign(teacher, math, foreignClass, null).andExpect(status().isNotFound());
		assign(teacher, math, fiveA, foreignGroup).andExpect(status().isNotFound());
		assign(foreignTeacher, math, fiveA, null).andExpect(status().isNotFound());
		assertThat(db.sql("select count(*) from school_teaching_assignment where staff_id in (:a, :b)")
			.param("a", teacher).param("b", foreignTeacher).query(Long.class).single()).isZero();
	}

	@Test
	void aGroupMustBelongToTheChosenClassAndAnAssignmentIsMadeOnce() throws Exception {
		long teacher = data.staff(school, "Петров", "Пётр", "TEACHER");
		long english = data.subject(school, "Английский язык");
		long fiveA = data.schoolClass(school, 5, "А");
		long fiveB = data.schoolClass(school, 5, "Б");
		long groupOfB = data.classGroup(fiveB, "Английский, группа 1");
		assign(teacher, english, fiveA, groupOfB).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"e-groupId\"")));
		assign(teacher, english, fiveB, groupOfB).andExpect(status().is3xxRedirection());
		assign(teacher, english, fiveB, groupOfB).andExpect(status().isOk())
			.andExpect(content().string(containsString("alert err")));
		assertThat(db.sql("select count(*) from school_teaching_assignment where staff_id = :s").param("s", teacher)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aDeactivatedTeacherKeepsTheRecordButLosesAssignmentsClassesAndStudents() throws Exception {
		long teacher = data.staff(school, "Уходящая", "Анна", "TEACHER");
		long math = data.subject(school, "Математика");
		long fiveA = data.schoolClass(school, 5, "А");
		long student = data.student(school, fiveA, "Учеников", "Ваня");
		data.assign(teacher, math, fiveA);
		db.sql("update school_class set class_teacher_id = :t where id = :c").param("t", teacher).param("c", fiveA)
			.update();
		Account teacherAccount = data.account("Уходящая Анна", TestData.grant(Role.TEACHER, school, teacher));
		mvc.perform(get("/students/" + student).with(data.as(teacherAccount))).andExpect(status().isOk());

		mvc.perform(post("/admin/staff/" + teacher + "/deactivate").with(data.as(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(db.sql("select active from school_staff where id = :id").param("id", teacher).query(Boolean.class)
			.single()).isFalse();
		assertThat(db.sql("select count(*) from school_teaching_assignment where staff_id = :s").param("s", teacher)
			.query(Long.class).single()).isZero();
		assertThat(db.sql("select count(*) from school_class where class_teacher_id = :s").param("s", teacher)
			.query(Long.class).single()).isZero();
		// the account lost its teacher role altogether: nothing to act as
		mvc.perform(get("/students/" + student).with(data.as(teacherAccount))).andExpect(status().isForbidden());
		assign(teacher, math, fiveA, null).andExpect(status().isOk());
		mvc.perform(get("/admin/staff").with(data.as(admin))).andExpect(content().string(containsString("Уходящая Анна")));
	}

	@Test
	void anotherSchoolsStaffMemberIsNotFoundAndUnchanged() throws Exception {
		long foreign = data.staff(other, "Чужая", "Мария", "TEACHER");
		mvc.perform(get("/admin/staff/" + foreign).with(data.as(admin))).andExpect(status().isNotFound());
		mvc.perform(post("/admin/staff/" + foreign).with(data.as(admin)).with(csrf()).param("lastName", "Своя")
			.param("firstName", "Мария").param("position", "TEACHER")).andExpect(status().isNotFound());
		mvc.perform(post("/admin/staff/" + foreign + "/deactivate").with(data.as(admin)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(db.sql("select last_name || cast(active as varchar(5)) from school_staff where id = :id")
			.param("id", foreign).query(String.class).single()).isEqualToIgnoringCase("Чужаяtrue");
		mvc.perform(get("/admin/staff").with(data.as(admin))).andExpect(content().string(not(containsString("Чужая"))));
	}

	private org.springframework.test.web.servlet.ResultActions assign(long staff, long subject, long classId,
			Long group) throws Exception {
		return mvc.perform(post("/admin/staff/" + staff + "/assignments").with(data.as(admin)).with(csrf())
			.param("subjectId", String.valueOf(subject)).param("classId", String.valueOf(classId))
			.param("groupId", group == null ? "" : String.valueOf(group)));
	}

	private long staffCount() {
		return db.sql("select count(*) from school_staff where institution_id = :i").param("i", school.id())
			.query(Long.class).single();
	}
}
