package ru.eschool.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The demo region as the demo profile loads it. This is the only test that turns the profile on;
 * on PostgreSQL its rows stay in the test database, so every query here is limited to the demo
 * municipalities (other tests' schools live in municipalities of their own).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class DemoRegionTests {

	static final String DEMO_SCHOOLS = """
			(select i.id from school_institution i join school_municipality m on m.id = i.municipality_id
			 where m.name in ('Владивосток', 'Уссурийск', 'Находка', 'Артём'))""";

	@Autowired JdbcClient db;
	@Autowired DemoRegion region;
	@Autowired MockMvc mvc;

	long count(String sql) {
		return db.sql(sql.replace("DEMO", DEMO_SCHOOLS)).query(Long.class).single();
	}

	@Test
	void primoryeHasFourMunicipalitiesFiveSchoolsOfDifferentSizesAndAboutAThousandStudents() {
		assertThat(count("select count(*) from school_municipality where name in ('Владивосток', 'Уссурийск', 'Находка', 'Артём')"))
			.isEqualTo(4);
		assertThat(count("select count(*) from school_institution where id in DEMO")).isEqualTo(5);
		assertThat(count("select count(*) from school_student where institution_id in DEMO")).isBetween(950L, 1050L);
		List<Long> sizes = db.sql("select count(*) from school_student where institution_id in " + DEMO_SCHOOLS
				+ " group by institution_id order by count(*)").query(Long.class).list();
		assertThat(sizes.get(0)).isBetween(60L, 100L);
		assertThat(sizes.get(4)).isBetween(380L, 450L);
		assertThat(count("""
				select count(*) from school_class where institution_id in DEMO and letter = 'В'""")).isPositive();
		for (int grade = 1; grade <= 11; grade++) {
			assertThat(count("select count(distinct institution_id) from school_class where institution_id in DEMO and grade = "
					+ grade)).as("schools with grade " + grade).isEqualTo(5);
		}
	}

	@Test
	void everyClassHasAClassTeacherAndEverySubjectOfItsGradeIsTaught() {
		assertThat(count("select count(*) from school_class where institution_id in DEMO and class_teacher_id is null"))
			.isZero();
		assertThat(count("""
				select count(*) from school_class c join school_staff s on s.id = c.class_teacher_id
				where c.institution_id in DEMO and (s.institution_id <> c.institution_id or s.position <> 'TEACHER')"""))
			.isZero();
		// no teacher leads two classes
		assertThat(count("""
				select count(*) from (select class_teacher_id from school_class where institution_id in DEMO
				group by class_teacher_id having count(*) > 1) t""")).isZero();
		List<Map<String, Object>> classes = db.sql("select id, grade from school_class where institution_id in "
				+ DEMO_SCHOOLS).query().listOfRows();
		for (Map<String, Object> c : classes) {
			int grade = ((Number) c.get("grade")).intValue();
			List<String> subjects = db.sql("""
					select distinct s.name from school_teaching_assignment a join school_subject s on s.id = a.subject_id
					where a.class_id = :c""").param("c", c.get("id")).query(String.class).list();
			List<String> expected = DemoRegion.CURRICULUM.keySet().stream().filter(s -> DemoRegion.taught(s, grade))
				.toList();
			assertThat(subjects).as("subjects of class " + c).containsExactlyInAnyOrderElementsOf(expected);
		}
		assertThat(expectedHas("Физика", 6)).isFalse();
		assertThat(expectedHas("ОБЗР", 9)).isTrue();
	}

	boolean expectedHas(String subject, int grade) {
		return DemoRegion.taught(subject, grade);
	}

	@Test
	void englishIsSplitIntoTwoGroupsTaughtByTwoTeachersInSomeClasses() {
		long split = count("select count(distinct class_id) from school_class_group g join school_class c on c.id = g.class_id where c.institution_id in DEMO");
		assertThat(split).isPositive().isLessThan(count("select count(*) from school_class where institution_id in DEMO"));
		// every student of a split class is in exactly one of its groups
		assertThat(count("""
				select count(*) from school_enrolment e
				join school_class c on c.id = e.class_id and c.institution_id in DEMO
				where exists (select 1 from school_class_group g where g.class_id = c.id)
				  and (select count(*) from school_group_member m join school_class_group g on g.id = m.group_id
				       where m.student_id = e.student_id and g.class_id = c.id) <> 1""")).isZero();
		// each split class has two English assignments, one per group, by two different teachers
		assertThat(count("""
				select count(*) from school_class_group g join school_class c on c.id = g.class_id
				where c.institution_id in DEMO
				  and (select count(distinct a.staff_id) from school_teaching_assignment a
				       join school_subject s on s.id = a.subject_id
				       where a.class_id = c.id and s.name = 'Английский язык' and a.group_id is not null) <> 2""")).isZero();
	}

	@Test
	void everyStudentHasOneOrTwoGuardiansAndSomeGuardiansHaveTwoChildren() {
		assertThat(count("""
				select count(*) from school_student s where s.institution_id in DEMO
				  and (select count(*) from school_guardianship g where g.student_id = s.id) not between 1 and 2""")).isZero();
		assertThat(count("""
				select count(*) from school_guardian g where g.institution_id in DEMO
				  and (select count(*) from school_guardianship l where l.guardian_id = g.id) = 2""")).isGreaterThan(20);
		assertThat(count("""
				select count(*) from school_guardianship l join school_guardian g on g.id = l.guardian_id
				join school_student s on s.id = l.student_id where g.institution_id in DEMO
				  and g.institution_id <> s.institution_id""")).isZero();
	}

	@Test
	void surnamesAndPatronymicsAgreeWithGender() {
		List<Map<String, Object>> people = db.sql("select last_name, first_name, middle_name from school_student where institution_id in "
				+ DEMO_SCHOOLS + " union all select last_name, first_name, middle_name from school_guardian where institution_id in "
				+ DEMO_SCHOOLS).query().listOfRows();
		assertThat(people).hasSizeGreaterThan(2000);
		for (Map<String, Object> p : people) {
			String last = (String) p.get("last_name");
			String middle = (String) p.get("middle_name");
			if (middle.endsWith("на")) {
				assertThat(last).as(p.toString()).doesNotEndWith("ов").doesNotEndWith("ев").doesNotEndWith("ёв")
					.doesNotEndWith("ин").doesNotEndWith("ий").doesNotEndWith("ой");
			}
			else {
				assertThat(middle).as(p.toString()).endsWith("ич");
				assertThat(last).as(p.toString()).doesNotEndWith("ова").doesNotEndWith("ева").doesNotEndWith("ина")
					.doesNotEndWith("ая");
			}
		}
		assertThat(DemoNames.surname("Иванов", DemoNames.Gender.FEMALE)).isEqualTo("Иванова");
		assertThat(DemoNames.surname("Островский", DemoNames.Gender.FEMALE)).isEqualTo("Островская");
		assertThat(DemoNames.surname("Толстой", DemoNames.Gender.FEMALE)).isEqualTo("Толстая");
		assertThat(DemoNames.surname("Шевченко", DemoNames.Gender.FEMALE)).isEqualTo("Шевченко");
		assertThat(DemoNames.surname("Ким", DemoNames.Gender.FEMALE)).isEqualTo("Ким");
	}

	@Test
	void everySchoolHasQuartersForGrades1To9HalfYearsFor10And11AndHolidaysBetween() {
		assertThat(count("""
				select count(*) from school_academic_year where institution_id in DEMO and current_year
				  and name = '2026/2027' and starts_on = date '2026-09-01' and ends_on = date '2027-05-31'""")).isEqualTo(5);
		assertThat(count("""
				select count(*) from school_study_period p join school_academic_year y on y.id = p.academic_year_id
				where y.institution_id in DEMO and p.scheme = 'QUARTER' and p.grade_from = 1 and p.grade_to = 9""")).isEqualTo(20);
		assertThat(count("""
				select count(*) from school_study_period p join school_academic_year y on y.id = p.academic_year_id
				where y.institution_id in DEMO and p.scheme = 'HALF_YEAR' and p.grade_from = 10 and p.grade_to = 11""")).isEqualTo(10);
		// holidays fall between quarters (half-years span them; the extra February week is for first-graders)
		assertThat(count("""
				select count(*) from school_study_period p join school_academic_year y on y.id = p.academic_year_id
				join school_holiday h on h.academic_year_id = y.id
				where y.institution_id in DEMO and p.scheme = 'QUARTER' and h.name not like 'Дополнительные%'
				  and p.starts_on <= h.ends_on and h.starts_on <= p.ends_on""")).isZero();
	}

	@Test
	void loadingAgainChangesNothing() {
		long students = count("select count(*) from school_student");
		assertThat(region.load()).isFalse();
		assertThat(count("select count(*) from school_student")).isEqualTo(students);
	}

	@Test
	void theLoginPageListsTheDemoAccountsInBothLanguages() throws Exception {
		String ru = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(ru).contains("teacher.parent", "school12", "Класс 7Б, Школа № 12", "Мама двоих детей");
		String en = mvc.perform(get("/login").param("lang", "en")).andReturn().getResponse().getContentAsString();
		assertThat(en).contains("Class 7Б, Школа № 12", "Mother of two children");
	}

	@Test
	void everyDemoAccountSignsInWithPasswordDemoAndSeesItsHomePage() throws Exception {
		assertThat(home("parent")).contains("Мои дети").contains("класс 2А").contains("класс 7Б");
		assertThat(home("student")).contains("класс 7Б");
		assertThat(home("teacher")).contains("5А").contains("Математика");
		assertThat(home("teacher.parent")).contains("Английский язык");
		assertThat(home("school12")).contains("Школа № 12");
		mvc.perform(formLogin().user("region").password("demo")).andExpect(authenticated());
	}

	String home(String login) throws Exception {
		MvcResult signedIn = mvc.perform(formLogin().user(login).password("demo")).andExpect(authenticated()).andReturn();
		Cookie session = signedIn.getResponse().getCookie("SESSION");
		assertThat(session).as("session cookie of " + login).isNotNull();
		return mvc.perform(get("/").cookie(session)).andReturn().getResponse().getContentAsString();
	}
}
