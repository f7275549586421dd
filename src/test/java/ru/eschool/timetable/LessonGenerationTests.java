package ru.eschool.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.DayOfWeek;
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

/** Dated lessons from the weekly template: study days only, holidays skipped, and never twice. */
@EschoolTest
class LessonGenerationTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired Lessons lessons;

	TimetableMother mother;
	School school;
	Account admin;
	long klass;
	long quarter2;

	@BeforeEach
	void setUp() {
		mother = new TimetableMother(db, data);
		school = mother.school();
		admin = data.schoolAdmin(school);
		klass = data.schoolClass(school, 5, "А");
		long math = data.subject(school, "Математика");
		long history = data.subject(school, "История");
		long ivanova = mother.teacher(school, "Иванова");
		long petrova = mother.teacher(school, "Петрова");
		mother.entry(school, klass, null, 1, 1, math, ivanova, "201"); // Monday 1st
		mother.entry(school, klass, null, 3, 2, history, petrova, "202"); // Wednesday 2nd
		mother.entry(school, klass, null, 6, 1, math, ivanova, "201"); // Saturday 1st
		quarter2 = mother.ids("select id from school_study_period where academic_year_id = ? and number = 2",
				school.yearId()).get(0);
	}

	int generate() throws Exception {
		return (Integer) mvc.perform(post("/admin/timetable/classes/" + klass + "/generate").with(data.as(admin))
			.with(csrf()).param("period", String.valueOf(quarter2)))
			.andExpect(redirectedUrl("/admin/timetable/classes/" + klass)).andExpect(flash().attributeExists("generated"))
			.andReturn().getFlashMap().get("generated");
	}

	List<Lesson> all() {
		return lessons.ofClass(klass, TimetableMother.Q1_STARTS, TimetableMother.Q2_ENDS.plusDays(30));
	}

	@Test
	void lessonsFallOnTheTemplateWeekdaysOfThePeriodAndSkipHolidays() throws Exception {
		int added = generate();
		List<Lesson> made = all();
		assertThat(made).hasSize(added);
		// 5 Nov - 27 Dec 2026: 7 Mondays, 7 Wednesdays less the day off, 8 Saturdays
		assertThat(made).hasSize(7 + 6 + 8);
		assertThat(made).allMatch(l -> !l.date().isBefore(TimetableMother.Q2_STARTS)
				&& !l.date().isAfter(TimetableMother.Q2_ENDS));
		assertThat(made).noneMatch(l -> l.date().equals(TimetableMother.DAY_OFF));
		assertThat(made).noneMatch(l -> l.date().getDayOfWeek() == DayOfWeek.SUNDAY);
		Lesson wednesday = made.stream().filter(l -> l.date().equals(LocalDate.of(2026, 11, 25))).findFirst().orElseThrow();
		assertThat(wednesday.number()).isEqualTo(2);
		assertThat(wednesday.startsAt()).hasToString("09:25");
		assertThat(wednesday.room()).isEqualTo("202");
		assertThat(wednesday.changed()).isFalse();
	}

	@Test
	void runningAgainAddsOnlyWhatIsMissingAndLeavesChangedLessonsAlone() throws Exception {
		int first = generate();
		assertThat(first).isEqualTo(21);
		// a lesson is cancelled, another moved to another day, one deleted by hand (as if never made)
		List<Lesson> made = all();
		Lesson cancelled = made.get(0);
		Lesson moved = made.get(1);
		Lesson deleted = made.get(2);
		db.sql("update timetable_lesson set status = 'CANCELLED', change_reason = 'x', version = 1 where id = :id")
			.param("id", cancelled.id()).update();
		db.sql("""
				update timetable_lesson set lesson_date = :d, number = 5, moved_from_date = lesson_date,
				  moved_from_shift = shift, moved_from_number = number, version = 1 where id = :id""")
			.param("d", moved.date().plusDays(1)).param("id", moved.id()).update();
		db.sql("delete from timetable_lesson where id = :id").param("id", deleted.id()).update();
		assertThat(generate()).isEqualTo(1);
		assertThat(generate()).isZero();
		List<Lesson> after = all();
		assertThat(after).hasSize(21);
		assertThat(lessons.find(cancelled.id()).orElseThrow().cancelled()).isTrue();
		assertThat(lessons.find(moved.id()).orElseThrow().number()).isEqualTo(5);
		assertThat(after).filteredOn(l -> l.date().equals(moved.date())).isEmpty();
		assertThat(after).filteredOn(l -> l.date().equals(deleted.date()) && l.number() == deleted.number()).hasSize(1);
	}

	@Test
	void generatingForAllClassesUsesEachClassCurrentOrNextPeriod() throws Exception {
		mvc.perform(post("/admin/timetable/generate").with(data.as(admin)).with(csrf()).param("scope", "period"))
			.andExpect(redirectedUrl("/admin/timetable"));
		// the school's clock decides which period is current: the one under way or the next one
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Vladivostok"));
		if (today.isAfter(TimetableMother.Q2_ENDS)) {
			assertThat(all()).isEmpty();
		}
		else {
			LocalDate from = today.isAfter(TimetableMother.Q1_ENDS) ? TimetableMother.Q2_STARTS : TimetableMother.Q1_STARTS;
			assertThat(all()).isNotEmpty().allMatch(l -> !l.date().isBefore(from));
		}
	}
}
