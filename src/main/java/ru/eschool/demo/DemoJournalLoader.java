package ru.eschool.demo;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.eschool.gradebook.DemoJournal;
import ru.eschool.school.RegionSetup;

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

	DemoJournalLoader(RegionSetup setup, DemoJournal journal) {
		this.setup = setup;
		this.journal = journal;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		long start = System.nanoTime();
		List<Long> schools = new ArrayList<>();
		for (String name : DemoRegion.MUNICIPALITIES) {
			setup.municipality(name).ifPresent(m -> schools.addAll(setup.institutionsOf(m)));
		}
		int lessons = journal.fill(schools);
		log.info("Demo journals: {} lessons filled in {} ms", lessons, (System.nanoTime() - start) / 1_000_000);
	}
}
