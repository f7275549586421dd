package ru.eschool.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

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
 * current study period, and their homework of this week and the next. Runs when the application is
 * ready, after every start-up runner (the region and its timetable) has loaded; with no dated
 * lessons it does nothing. The large school, where every demo account but the region's is, is
 * filled before the start-up ends; the four smaller ones after it, on a background thread, one
 * school per transaction, so the first start stays within its 10 s budget and the region's
 * figures fill in a few seconds later.
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
	private volatile @Nullable Thread background;

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
		List<Long> schools = schools();
		if (schools.isEmpty()) {
			return;
		}
		fill(schools.get(0));
		List<Long> others = schools.subList(1, schools.size());
		if (others.isEmpty()) {
			return;
		}
		Thread t = new Thread(() -> fillAll(others), "demo-journals");
		t.setDaemon(true);
		background = t;
		t.start();
	}

	/** The demo schools, the large one first (empty when the region is not there). */
	List<Long> schools() {
		List<Long> ids = new ArrayList<>();
		for (DemoRegion.SchoolSpec spec : DemoRegion.SCHOOLS) {
			setup.municipality(spec.municipality()).flatMap(m -> setup.institution(m, spec.shortName()))
				.ifPresent(ids::add);
		}
		return ids;
	}

	/** Waits for the background filling of the smaller schools (tests); true when it is done. */
	boolean awaitBackground(long millis) throws InterruptedException {
		Thread t = background;
		if (t != null) {
			t.join(millis);
			return !t.isAlive();
		}
		return true;
	}

	private void fillAll(List<Long> schools) {
		long start = System.nanoTime();
		try {
			for (long school : schools) {
				fill(school);
			}
			log.info("Demo journals and homework of {} more schools in {} ms", schools.size(),
					(System.nanoTime() - start) / 1_000_000);
		}
		catch (RuntimeException e) {
			// the application is stopping, or the database went away: the next start fills what is missing
			log.warn("Demo journals of the smaller schools stopped: {}", e.toString());
		}
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
