package ru.eschool.regiongen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;
import ru.eschool.EschoolTest;
import ru.eschool.TestData;

/**
 * The region generator's smoke test: a tiny region (two small schools) written into the test
 * database (H2 by batched inserts, PostgreSQL by COPY), with the shape a real region has, and a
 * generated guardian who signs in with the bench password and opens the child's diary week.
 * The benchmark itself (bench/run) is not part of the suite; bin/test runs it end to end on a
 * two-school region after the suite (bench/smoke).
 */
@EschoolTest
class RegionGeneratorTests {

	/** The end of the first quarter: a whole quarter of journal to check the distributions on. */
	static final LocalDate END_OF_Q1 = LocalDate.of(2026, 10, 23);
	static final String HASH = RegionGenerator.hash("bench", 1);

	@Autowired MockMvc mvc;
	@Autowired DataSource dataSource;
	@Autowired JdbcClient db;
	@Autowired Environment env;

	@Test
	void theSameSeedGivesTheSameRegionAndAnotherSeedAnother() throws Exception {
		var options = new RegionGenerator.Options(3, 42, END_OF_Q1, "", "bench", 0.2);
		var a = RegionGenerator.generate(options, null, HASH);
		var b = RegionGenerator.generate(options, null, HASH);
		var other = RegionGenerator.generate(new RegionGenerator.Options(3, 43, END_OF_Q1, "", "bench", 0.2), null, HASH);
		assertThat(b.tally().checksum()).isEqualTo(a.tally().checksum());
		assertThat(b.tally().totalRows()).isEqualTo(a.tally().totalRows());
		assertThat(b.students()).isEqualTo(a.students());
		assertThat(other.tally().checksum()).isNotEqualTo(a.tally().checksum());
		assertThat(RegionGenerator.hash("bench", 1)).isEqualTo(HASH).startsWith("{bcrypt}$2a$10$");
	}

	@Test
	void schoolSizesFollowTheRegionsMixOfRuralAndCitySchools() {
		List<int[]> plan = RegionGenerator.plan(new RegionGenerator.Options(600, 7, END_OF_Q1, "", "bench"));
		// 600 schools: about 250,000 students; rural schools small, city schools 300 to 1,300
		int students = plan.stream().mapToInt(p -> p[2]).sum();
		assertThat(students).isBetween(220_000, 290_000);
		assertThat(plan.stream().filter(p -> p[1] == 1).count()).isBetween(320L, 400L);
		assertThat(plan.stream().filter(p -> p[1] == 0).mapToInt(p -> p[2]).max().getAsInt()).isLessThanOrEqualTo(400);
		assertThat(plan.stream().filter(p -> p[1] == 1).mapToInt(p -> p[2]).min().getAsInt()).isGreaterThanOrEqualTo(300);
		assertThat(plan.stream().mapToInt(p -> p[2]).distinct().count()).isGreaterThan(300);
		assertThat(plan.stream().filter(p -> p[0] == 0).count()).as("Vladivostok's schools").isBetween(120L, 200L);
	}

	@Test
	void usesTheApplicationsMigrations() {
		assertThat(Arrays.stream(env.getProperty("spring.flyway.locations", "").split(",")).map(String::strip).toList())
			.isEqualTo(RegionGenerator.MIGRATIONS);
	}

	@Test
	void aTinyRegionHasARealisticShapeAndItsGuardianSignsInAndOpensTheDiaryWeek() throws Exception {
		long before = db.sql("select coalesce(max(id), 0) from school_institution").query(Long.class).single();
		String prefix = "gen" + TestData.next() + ".";
		RegionGenerator.Result r;
		try (Connection c = dataSource.getConnection()) {
			r = RegionGenerator.generate(new RegionGenerator.Options(2, 1, END_OF_Q1, prefix, "bench", 0.1), c, HASH);
		}
		assertThat(r.schools()).isEqualTo(2);
		// 1.5 guardians a student, everyone with an account
		assertThat((double) r.guardians() / r.students()).isBetween(1.3, 1.7);
		assertThat(r.tally().rows("identity_account")).isEqualTo(r.students() + r.guardians() + r.staff());
		assertThat(count("select count(*) from school_student where institution_id > :b", before)).isEqualTo(r.students());
		assertThat(count("""
				select count(*) from identity_account a join identity_role_grant g on g.account_id = a.id
				where g.institution_id > :b and a.login like '""" + prefix + "%'", before))
			.isEqualTo(r.students() + r.guardians() + r.staff());
		// classes of at most 25, each with its class teacher
		assertThat(count("""
				select max(n) from (select count(*) n from school_enrolment e join school_class k on k.id = e.class_id
				where k.institution_id > :b group by k.id) x""", before)).isBetween(1L, 25L);
		assertThat(count("select count(*) from school_class where institution_id > :b and class_teacher_id is null", before))
			.isZero();
		// subjects by grade: 7-9 in the first grade, 14-17 in the ninth
		List<Long> subjectsPerGrade = db.sql("""
				select grade, max(n) from (select k.grade, k.id, count(distinct a.subject_id) n from school_teaching_assignment a
				join school_class k on k.id = a.class_id where k.institution_id > :b group by k.grade, k.id) x
				group by grade order by grade""").param("b", before).query((rs, n) -> rs.getLong(2)).list();
		assertThat(subjectsPerGrade).hasSize(11);
		assertThat(subjectsPerGrade.get(0)).isBetween(7L, 9L);
		assertThat(subjectsPerGrade.get(8)).isBetween(14L, 17L);
		// about 8 % of the pupils' lessons so far are missed (whole-class lessons: pupils are the enrolment)
		double pupilLessons = count("""
				select count(*) from timetable_lesson l join school_enrolment e on e.class_id = l.class_id
				where l.institution_id > :b and l.group_id is null and l.lesson_date <= date '2026-10-23'""", before);
		double absences = count("""
				select count(*) from gradebook_cell c join timetable_lesson l on l.id = c.lesson_id
				where l.institution_id > :b and l.group_id is null and c.attendance in ('N', 'B', 'UP')""", before);
		assertThat(absences / pupilLessons).isBetween(0.06, 0.10);
		// about ten marks per student and subject in the first quarter (fewer in one-hour subjects)
		double marksPerSubject = db.sql("""
				select avg(cast(n as double precision)) from (select count(*) n from gradebook_mark m
				join timetable_lesson l on l.id = m.lesson_id where l.institution_id > :b
				group by m.student_id, l.subject_id) x""").param("b", before).query(Double.class).single();
		assertThat(marksPerSubject).isBetween(7.0, 12.0);
		assertThat(count("select count(*) from gradebook_mark_history h join gradebook_mark m on m.id = h.mark_id "
				+ "join gradebook_cell c on c.id = m.cell_id where c.institution_id > :b", before))
			.isEqualTo(r.tally().rows("gradebook_mark"));

		// a generated guardian signs in with the bench password and opens the child's diary week
		long child = db.sql("""
				select s.student_id from identity_account a join identity_role_grant g on g.account_id = a.id
				join school_guardianship s on s.guardian_id = g.person_id where a.login = :l order by s.student_id""")
			.param("l", prefix + "guardian.1").query(Long.class).list().get(0);
		Cookie session = mvc.perform(post("/login").with(csrf()).param("username", prefix + "guardian.1")
			.param("password", "bench")).andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		String lastName = db.sql("select last_name from school_student where id = :id").param("id", child)
			.query(String.class).single();
		String page = mvc.perform(get("/diary/" + child + "?week=2026-10-19").cookie(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains(lastName).contains("Русский язык");
		// the database's identities continue after the generated ids: the application's own inserts still work
		long institution = count("select max(id) from school_institution where id > :b", before);
		assertThat(db.sql("insert into school_subject (institution_id, name, pass_fail) values (:i, 'Астрономия', false)")
			.param("i", institution).update()).isEqualTo(1);
	}

	private long count(String sql, long before) {
		return db.sql(sql).param("b", before).query(Long.class).single();
	}
}
