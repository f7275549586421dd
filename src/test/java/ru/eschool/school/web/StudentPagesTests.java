package ru.eschool.school.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
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
import ru.eschool.shared.Role;

/** A school admin keeps the school's students; another school's ids are 404 and change nothing. */
@EschoolTest
class StudentPagesTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;

	School school;
	School other;
	Account admin;
	long classA;
	long classB;
	long otherClass;
	long misha;
	long otherStudent;

	@BeforeEach
	void setUp() {
		school = data.school();
		other = data.school();
		admin = data.schoolAdmin(school);
		classA = data.schoolClass(school, 5, "А");
		classB = data.schoolClass(school, 6, "Б");
		otherClass = data.schoolClass(other, 5, "А");
		misha = data.student(school, classA, "Петров", "Миша");
		data.student(school, classB, "Сидорова", "Аня");
		otherStudent = data.student(other, otherClass, "Чужой", "Ваня");
	}

	@Test
	void adminListsCurrentStudentsWithTheirClassFilteredByClassAndName() throws Exception {
		mvc.perform(get("/admin/students").with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Петров Миша")))
			.andExpect(content().string(containsString("Сидорова Аня")))
			.andExpect(content().string(containsString("/admin/classes/" + classA)))
			.andExpect(content().string(not(containsString("Чужой"))));
		mvc.perform(get("/admin/students").param("classId", Long.toString(classB)).with(data.as(admin)))
			.andExpect(content().string(containsString("Сидорова Аня")))
			.andExpect(content().string(not(containsString("Петров Миша"))));
		mvc.perform(get("/admin/students").param("q", "пЕтРов").with(data.as(admin)))
			.andExpect(content().string(containsString("Петров Миша")))
			.andExpect(content().string(not(containsString("Сидорова Аня"))));
		mvc.perform(get("/admin/students").param("q", "Чужой").with(data.as(admin)))
			.andExpect(content().string(not(containsString("Чужой Ваня"))));
	}

	@Test
	void adminCannotFilterByAnotherSchoolsClass() throws Exception {
		mvc.perform(get("/admin/students").param("classId", Long.toString(otherClass)).with(data.as(admin)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/students/new").param("classId", Long.toString(otherClass)).with(data.as(admin)))
			.andExpect(status().isNotFound());
	}

	@Test
	void newStudentFormPreselectsTheClass() throws Exception {
		mvc.perform(get("/admin/students/new").param("classId", Long.toString(classB)).with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"" + classB + "\" selected>6Б</option>")));
	}

	@Test
	void adminEnrolsANewStudentInAClassOfTheCurrentYear() throws Exception {
		mvc.perform(post("/admin/students").with(data.as(admin)).with(csrf())
				.param("lastName", " Кузнецова ").param("firstName", "Дарья").param("middleName", "Олеговна")
				.param("email", "").param("phone", "8 (914) 123-45-67")
				.param("classId", Long.toString(classB)).param("joinedOn", "2026-09-01"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/admin/students/*"));
		var row = db.sql("""
				select s.id, s.last_name, s.middle_name, s.email, s.phone, e.class_id, e.joined_on from school_student s
				join school_enrolment e on e.student_id = s.id where s.institution_id = :i and s.first_name = 'Дарья'""")
			.param("i", school.id()).query().singleRow();
		assertThat(row.get("last_name")).isEqualTo("Кузнецова");
		assertThat(row.get("middle_name")).isEqualTo("Олеговна");
		assertThat(row.get("email")).isNull();
		assertThat(row.get("phone")).isEqualTo("+79141234567");
		assertThat(((Number) row.get("class_id")).longValue()).isEqualTo(classB);
		mvc.perform(get("/admin/students/" + row.get("id")).with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Кузнецова Дарья Олеговна")))
			.andExpect(content().string(containsString("people.account.NONE")));
	}

	@Test
	void invalidNewStudentReRendersWithAMessagePerFieldAndSavesNothing() throws Exception {
		long before = students();
		mvc.perform(post("/admin/students").with(data.as(admin)).with(csrf())
				.param("lastName", "").param("firstName", "Дарья").param("email", "not-an-email")
				.param("phone", "12345").param("classId", "").param("joinedOn", "вчера"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"e-lastName\">Заполните это поле.")))
			.andExpect(content().string(containsString("id=\"e-email\">Введите адрес электронной почты")))
			.andExpect(content().string(containsString("id=\"e-phone\">Введите номер телефона")))
			.andExpect(content().string(containsString("id=\"e-classId\">Выберите класс.")))
			.andExpect(content().string(containsString("id=\"e-joinedOn\">Введите дату.")))
			.andExpect(content().string(containsString("value=\"Дарья\"")));
		assertThat(students()).isEqualTo(before);
	}

	@Test
	void adminCannotEnrolIntoAnotherSchoolsClassNorAPastYearsClass() throws Exception {
		long before = students();
		mvc.perform(post("/admin/students").with(data.as(admin)).with(csrf())
				.param("lastName", "Новый").param("firstName", "Петя").param("classId", Long.toString(otherClass))
				.param("joinedOn", "2026-09-01"))
			.andExpect(status().isNotFound());
		long past = data.pastYearClass(school, 4, "А");
		mvc.perform(post("/admin/students").with(data.as(admin)).with(csrf())
				.param("lastName", "Новый").param("firstName", "Петя").param("classId", Long.toString(past))
				.param("joinedOn", "2026-09-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"e-classId\">Выберите класс текущего учебного года.")));
		assertThat(students()).isEqualTo(before);
	}

	@Test
	void adminEditsNamesAndContactsAndInvalidInputChangesNothing() throws Exception {
		mvc.perform(post("/admin/students/" + misha).with(data.as(admin)).with(csrf())
				.param("lastName", "Петров").param("firstName", "Михаил").param("middleName", "")
				.param("email", "misha@example.ru").param("phone", ""))
			.andExpect(status().is3xxRedirection());
		assertThat(firstName(misha)).isEqualTo("Михаил");
		mvc.perform(post("/admin/students/" + misha).with(data.as(admin)).with(csrf())
				.param("lastName", "Петров").param("firstName", "").param("phone", "+7 914"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"e-firstName\"")))
			.andExpect(content().string(containsString("id=\"e-phone\"")));
		assertThat(firstName(misha)).isEqualTo("Михаил");
	}

	@Test
	void adminMovesAStudentAndTheHistoryKeepsBothStays() throws Exception {
		mvc.perform(post("/admin/students/" + misha + "/move").with(data.as(admin)).with(csrf())
				.param("classId", Long.toString(classB)).param("movedOn", "2026-11-10"))
			.andExpect(status().is3xxRedirection());
		List<String> stays = db.sql("""
				select cast(c.grade as varchar(2)) || c.letter || ' ' || e.joined_on || ' ' || coalesce(cast(e.left_on as varchar(10)), '-')
				from school_enrolment e join school_class c on c.id = e.class_id where e.student_id = :s order by e.id""")
			.param("s", misha).query(String.class).list();
		assertThat(stays).containsExactly("5А 2026-09-01 2026-11-10", "6Б 2026-11-10 -");
		mvc.perform(get("/admin/students/" + misha).with(data.as(admin)))
			.andExpect(content().string(containsString("2026-11-10")))
			.andExpect(content().string(containsString("перевод")));
	}

	@Test
	void moveIsRefusedIntoTheSameClassOrBeforeTheStudentJoined() throws Exception {
		mvc.perform(post("/admin/students/" + misha + "/move").with(data.as(admin)).with(csrf())
				.param("classId", Long.toString(classA)).param("movedOn", "2026-11-10"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Учащийся уже в этом классе.")));
		mvc.perform(post("/admin/students/" + misha + "/move").with(data.as(admin)).with(csrf())
				.param("classId", Long.toString(classB)).param("movedOn", "2026-08-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"e-movedOn\"")));
		assertThat(enrolments(misha)).isEqualTo(1);
	}

	@Test
	void adminRecordsThatAStudentLeavesAndTheStudentDropsOffTheList() throws Exception {
		mvc.perform(post("/admin/students/" + misha + "/leave").with(data.as(admin)).with(csrf())
				.param("leftOn", "2026-12-01").param("reason", "TRANSFERRED"))
			.andExpect(status().is3xxRedirection());
		var row = db.sql("""
				select s.active, e.left_on, e.leave_reason from school_student s join school_enrolment e on e.student_id = s.id
				where s.id = :s""").param("s", misha).query().singleRow();
		assertThat(row.get("active")).isEqualTo(false);
		assertThat(row.get("leave_reason")).isEqualTo("TRANSFERRED");
		assertThat(row.get("left_on").toString()).isEqualTo("2026-12-01");
		mvc.perform(get("/admin/students").with(data.as(admin)))
			.andExpect(content().string(not(containsString("Петров Миша"))));
		mvc.perform(get("/admin/students/" + misha).with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("перешёл в другую школу")));
	}

	@Test
	void leaveWithoutReasonReRendersAndChangesNothing() throws Exception {
		mvc.perform(post("/admin/students/" + misha + "/leave").with(data.as(admin)).with(csrf())
				.param("leftOn", "").param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"e-leftOn\"")))
			.andExpect(content().string(containsString("id=\"e-reason\">Выберите причину.")));
		assertThat(db.sql("select active from school_student where id = :s").param("s", misha).query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void adminCannotSeeOrChangeAStudentOfAnotherSchool() throws Exception {
		mvc.perform(get("/admin/students/" + otherStudent).with(data.as(admin))).andExpect(status().isNotFound());
		mvc.perform(post("/admin/students/" + otherStudent).with(data.as(admin)).with(csrf())
				.param("lastName", "Взлом").param("firstName", "Ваня"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/students/" + otherStudent + "/move").with(data.as(admin)).with(csrf())
				.param("classId", Long.toString(classA)).param("movedOn", "2026-11-10"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/students/" + otherStudent + "/leave").with(data.as(admin)).with(csrf())
				.param("leftOn", "2026-11-10").param("reason", "OTHER"))
			.andExpect(status().isNotFound());
		assertThat(db.sql("select last_name from school_student where id = :s").param("s", otherStudent)
			.query(String.class).single()).isEqualTo("Чужой");
		assertThat(enrolments(otherStudent)).isEqualTo(1);
	}

	@Test
	void adminCannotMoveAStudentIntoAnotherSchoolsClass() throws Exception {
		mvc.perform(post("/admin/students/" + misha + "/move").with(data.as(admin)).with(csrf())
				.param("classId", Long.toString(otherClass)).param("movedOn", "2026-11-10"))
			.andExpect(status().isNotFound());
		assertThat(enrolments(misha)).isEqualTo(1);
	}

	@Test
	void teacherAndGuardianAreRefusedOnAdminPages() throws Exception {
		long staff = data.staff(school, "Иванова", "Анна", "TEACHER");
		Account teacher = data.account("Иванова Анна", TestData.grant(Role.TEACHER, school, staff));
		long g = data.guardian(school, "Петрова", "Ольга", misha);
		Account guardian = data.account("Петрова Ольга", TestData.grant(Role.GUARDIAN, school, g));
		for (Account a : List.of(teacher, guardian)) {
			for (String url : List.of("/admin/students", "/admin/students/" + misha, "/admin/guardians",
					"/admin/guardians/" + g, "/admin/invitations")) {
				mvc.perform(get(url).with(data.as(a))).andExpect(status().isForbidden());
			}
			mvc.perform(post("/admin/students/" + misha + "/leave").with(data.as(a)).with(csrf())
					.param("leftOn", "2026-11-10").param("reason", "OTHER"))
				.andExpect(status().isForbidden());
		}
		assertThat(enrolments(misha)).isEqualTo(1);
	}

	@Test
	void aTeacherWhoIsAlsoAdminIsRefusedWhileActingAsTeacher() throws Exception {
		long staff = data.staff(school, "Смирнова", "Ирина", "TEACHER");
		Account both = data.account("Смирнова Ирина", TestData.grant(Role.TEACHER, school, staff),
				TestData.grant(Role.SCHOOL_ADMIN, school, staff));
		mvc.perform(get("/admin/students").with(data.as(both))).andExpect(status().isForbidden());
	}

	@Test
	void adminMenuListsStudentsGuardiansAndInvitations() throws Exception {
		mvc.perform(get("/admin/students").with(data.as(admin)))
			.andExpect(content().string(containsString("href=\"/admin/guardians\"")))
			.andExpect(content().string(containsString("href=\"/admin/invitations\"")));
	}

	private long students() {
		return db.sql("select count(*) from school_student").query(Long.class).single();
	}

	private long enrolments(long student) {
		return db.sql("select count(*) from school_enrolment where student_id = :s").param("s", student)
			.query(Long.class).single();
	}

	private String firstName(long student) {
		return db.sql("select first_name from school_student where id = :s").param("s", student).query(String.class)
			.single();
	}

	static LocalDate date(String iso) {
		return LocalDate.parse(iso);
	}
}
