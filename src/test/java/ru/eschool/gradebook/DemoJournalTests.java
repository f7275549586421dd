package ru.eschool.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.School;

/** The demo journal on a small generated school: marks, attendance and topics, once; nothing without lessons. */
@EschoolTest
class DemoJournalTests {

	@Autowired DemoJournal demo;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired Clock clock;

	long count(String sql, long institution) {
		return db.sql(sql).param("i", institution).query(Long.class).single();
	}

	@Test
	void fillsTheLessonsHeldSoFarWithRealisticMarksAttendanceAndTopicsOnce() {
		LocalDate today = LocalDate.now(clock);
		School school = data.school();
		long klass = data.schoolClass(school, 6, "А");
		long math = data.subject(school, "Математика");
		long teacher = data.staff(school, "Смирнова", "Ольга", "TEACHER");
		data.assign(teacher, math, klass);
		data.studyPeriod(school, 2, today.minusDays(49), today.plusDays(14));
		List<Long> students = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			students.add(data.student(school, klass, "Ученик" + i, "Имя"));
		}
		db.sql("update school_enrolment set joined_on = :d where class_id = :c").param("d", today.minusDays(60))
			.param("c", klass).update();
		// four lessons a week for seven weeks, and some still to come
		long held = 0;
		for (int day = 1; day <= 49; day++) {
			if (day % 7 < 4) {
				data.lesson(school, klass, null, math, teacher, today.minusDays(day), 1);
				held++;
			}
		}
		long future = data.lesson(school, klass, null, math, teacher, today.plusDays(1), 1);

		long start = System.nanoTime();
		int filled = demo.fill(List.of(school.id()));
		long ms = (System.nanoTime() - start) / 1_000_000;

		assertThat(filled).isEqualTo((int) held);
		assertThat(count("select count(*) from gradebook_lesson where institution_id = :i and topic is not null", school.id()))
			.isEqualTo(held);
		assertThat(db.sql("select count(*) from gradebook_lesson where lesson_id = :l").param("l", future).query(Long.class)
			.single()).isZero();
		long marks = count("select count(*) from gradebook_mark m join gradebook_cell c on c.id = m.cell_id where c.institution_id = :i",
				school.id());
		// about ten per student over the whole period; two thirds of it are past
		assertThat(marks / 20.0).isBetween(4.0, 14.0);
		List<String> values = db.sql("""
				select m.mark_value from gradebook_mark m join gradebook_cell c on c.id = m.cell_id where c.institution_id = :i""")
			.param("i", school.id()).query(String.class).list();
		long goodOnes = values.stream().filter(v -> v.equals("4") || v.equals("5")).count();
		long twos = values.stream().filter(v -> v.equals("2")).count();
		assertThat(goodOnes).isGreaterThan(values.size() / 2);
		assertThat(twos).isLessThan(values.size() / 8).isPositive();
		long entries = held * students.size();
		long absent = count("select count(*) from gradebook_cell where institution_id = :i and attendance in ('N', 'B', 'UP')",
				school.id());
		assertThat(absent * 100.0 / entries).isBetween(4.0, 13.0);
		assertThat(count("select count(*) from gradebook_mark_history h where h.lesson_id in (select lesson_id from gradebook_lesson where institution_id = :i)",
				school.id())).isEqualTo(marks);
		assertThat(ms).as("fill time in ms").isLessThan(10_000);

		// a second run changes nothing
		assertThat(demo.fill(List.of(school.id()))).isZero();
		assertThat(count("select count(*) from gradebook_mark m join gradebook_cell c on c.id = m.cell_id where c.institution_id = :i",
				school.id())).isEqualTo(marks);
	}

	@Test
	void doesNothingWhenThereAreNoLessons() {
		LocalDate today = LocalDate.now(clock);
		School school = data.school();
		data.schoolClass(school, 6, "А");
		data.studyPeriod(school, 2, today.minusDays(30), today.plusDays(30));
		assertThat(demo.fill(List.of(school.id()))).isZero();
		assertThat(demo.fill(List.of())).isZero();
		assertThat(count("select count(*) from gradebook_cell where institution_id = :i", school.id())).isZero();
	}
}
