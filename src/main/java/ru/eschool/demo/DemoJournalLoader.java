package ru.eschool.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.eschool.gradebook.DemoJournal;
import ru.eschool.homework.DemoHomework;
import ru.eschool.school.RegionSetup;
import ru.eschool.school.TeachingDirectory;

/**
 * Fills the demo schools' journals (marks, attendance, topics) for the lessons held so far in the
 * current study period. Runs when the application is ready, after every start-up runner (the
 * region and its timetable) has loaded; with no dated lessons it does nothing.
 */
@Component
@Profile("demo")
class DemoJournalLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoJournalLoader.class);

	private final RegionSetup setup;
	private final DemoJournal journal;
	private final DemoHomework homework;
	private final TeachingDirectory teaching;
	private final Clock clock;

	DemoJournalLoader(RegionSetup setup, DemoJournal journal, DemoHomework homework, TeachingDirectory teaching,
			Clock clock) {
		this.setup = setup;
		this.journal = journal;
		this.homework = homework;
		this.teaching = teaching;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		// journals and homework of the large school only: every demo account but the region's is
		// there, and filling all five schools would take the first start past its 10 s budget
		setup.municipality(DemoRegion.MUNICIPALITIES.get(0)).flatMap(m -> setup.institution(m, DemoAccountList.SCHOOL))
			.ifPresent(this::fill);
	}

	private void fill(long school) {
		long start = System.nanoTime();
		int lessons = journal.fill(List.of(school));
		log.info("Demo journals: {} lessons filled in {} ms", lessons, (System.nanoTime() - start) / 1_000_000);
		long hw = System.nanoTime();
		LocalDate monday = LocalDate.now(clock).with(java.time.DayOfWeek.MONDAY);
		List<Long> classes = teaching.currentClasses(school).stream().map(TeachingDirectory.ClassInfo::id).toList();
		int set = homework.assignForWeeks(classes, monday, 2);
		log.info("Demo homework: {} lessons in {} ms", set, (System.nanoTime() - hw) / 1_000_000);
	}
}
