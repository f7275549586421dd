package ru.eschool.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Journals and homework of all five demo schools (same context as {@link DemoRegionTests}): the
 * large school's before start-up ends, the four others in the background right after.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class DemoJournalsTests {

	@Autowired JdbcClient db;
	@Autowired DemoJournalLoader loader;
	@Autowired Clock clock;

	@Test
	void everyDemoSchoolGetsJournalsAndHomeworkOnceTheBackgroundLoadingEnds() throws Exception {
		assertThat(loader.schools()).hasSize(5);
		assertThat(loader.awaitBackground(120_000)).isTrue();
		LocalDate today = LocalDate.now(clock);
		long held = db.sql("""
				select count(distinct institution_id) from timetable_lesson
				where institution_id in DEMO and lesson_date <= :t""".replace("DEMO", DemoRegionTests.DEMO_SCHOOLS))
			.param("t", today).query(Long.class).single();
		long withJournals = db.sql("select count(distinct institution_id) from gradebook_lesson where institution_id in DEMO"
			.replace("DEMO", DemoRegionTests.DEMO_SCHOOLS)).query(Long.class).single();
		assertThat(withJournals).isEqualTo(held);
		long withMarks = db.sql("""
				select count(distinct c.institution_id) from gradebook_mark m join gradebook_cell c on c.id = m.cell_id
				where c.institution_id in DEMO""".replace("DEMO", DemoRegionTests.DEMO_SCHOOLS)).query(Long.class).single();
		assertThat(withMarks).isEqualTo(held);
	}
}
