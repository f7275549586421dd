package ru.eschool.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo region's timetable (same context as {@link DemoRegionTests}): bells in every school, a
 * full week for every class with no teacher or room in two places, the second quarter's lessons
 * off the holidays, and this week's changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class DemoTimetableTests {

	@Autowired JdbcClient db;
	@Autowired DemoTimetable timetable;

	long count(String sql) {
		return db.sql(sql.replace("DEMO", DemoRegionTests.DEMO_SCHOOLS)).query(Long.class).single();
	}

	@Test
	void everySchoolHasBellsAndEveryClassAFullWeek() {
		assertThat(count("select count(distinct institution_id) from timetable_bell where institution_id in DEMO")).isEqualTo(5);
		assertThat(count("""
				select count(*) from school_class c where c.institution_id in DEMO
				  and (select count(distinct e.weekday * 10 + e.number) from timetable_template_entry e where e.class_id = c.id)
				      < case when c.grade <= 4 then 18 else 26 end""")).isZero();
		// seniors have 6-7 lessons on most days, the youngest 4-5
		assertThat(count("""
				select max(n) from (select count(distinct number) n from timetable_template_entry e
				  join school_class c on c.id = e.class_id where c.institution_id in DEMO and c.grade = 11
				  group by e.class_id, e.weekday) t""")).isBetween(6L, 7L);
		assertThat(count("""
				select max(n) from (select count(distinct number) n from timetable_template_entry e
				  join school_class c on c.id = e.class_id where c.institution_id in DEMO and c.grade = 1
				  group by e.class_id, e.weekday) t""")).isBetween(4L, 6L);
	}

	@Test
	void noTeacherNorRoomIsInTwoPlacesAtOnceAndTemplatesFollowTheAssignments() {
		assertThat(count("""
				select count(*) from (select teacher_id from timetable_template_entry where institution_id in DEMO
				  group by teacher_id, weekday, shift, number having count(*) > 1) t""")).isZero();
		assertThat(count("""
				select count(*) from (select room from timetable_template_entry where institution_id in DEMO
				  group by institution_id, room, weekday, shift, number having count(*) > 1) t""")).isZero();
		assertThat(count("""
				select count(*) from timetable_template_entry e where e.institution_id in DEMO and not exists
				  (select 1 from school_teaching_assignment a where a.staff_id = e.teacher_id and a.subject_id = e.subject_id
				   and a.class_id = e.class_id)""")).isZero();
	}

	@Test
	void theSecondQuarterHasLessonsOffTheHolidaysAndThisWeekHasChanges() {
		assertThat(count("select count(*) from timetable_lesson where institution_id in DEMO")).isGreaterThan(10_000);
		assertThat(count("""
				select count(*) from timetable_lesson where institution_id in DEMO
				  and (lesson_date < date '2026-11-05' or lesson_date > date '2026-12-27')""")).isZero();
		assertThat(count("""
				select count(*) from timetable_lesson l join school_class c on c.id = l.class_id
				join school_holiday h on h.academic_year_id = c.academic_year_id
				where l.institution_id in DEMO and l.lesson_date between h.starts_on and h.ends_on""")).isZero();
		assertThat(count("""
				select count(distinct c.kind) from timetable_lesson_change c join timetable_lesson l on l.id = c.lesson_id
				where l.institution_id in DEMO""")).isEqualTo(3);
		assertThat(count("select count(*) from timetable_lesson where institution_id in DEMO and substitute_id is not null"))
			.isEqualTo(1);
		assertThat(count("select count(*) from timetable_lesson where institution_id in DEMO and status = 'CANCELLED'"))
			.isEqualTo(1);
	}

	@Test
	void loadingAgainChangesNothing() {
		long lessons = count("select count(*) from timetable_lesson");
		assertThat(timetable.load()).isFalse();
		assertThat(count("select count(*) from timetable_lesson")).isEqualTo(lessons);
	}
}
