package ru.eschool.homework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.homework.internal.Assignments;
import ru.eschool.timetable.Lesson;
import ru.eschool.timetable.Lessons;

/**
 * Homework for the demo region (called by the {@code demo} module once the timetable's demo
 * lessons exist): for each lesson of the classes in the given weeks, homework due at the next
 * lesson of its subject. Writes without an actor and publishes no events, so only demo data may
 * use it. Lessons that already have homework are left alone, so it can run at every start.
 */
@Service
public class DemoHomework {

	private static final List<String> TASKS = List.of("Параграф {0}, вопросы 1–4 письменно.",
			"Упражнения {0} и {1} в рабочей тетради.", "Прочитать параграф {0}, пересказ.",
			"Выучить правило на с. {0}, упражнение {1}.", "Задачи № {0}, {1} из учебника.");

	private final Lessons lessons;
	private final Assignments assignments;
	private final Clock clock;

	DemoHomework(Lessons lessons, Assignments assignments, Clock clock) {
		this.lessons = lessons;
		this.assignments = assignments;
		this.clock = clock;
	}

	/** Sets demo homework for the classes' lessons from {@code monday} for {@code weeks} weeks; returns how many. */
	@Transactional
	public int assignForWeeks(Collection<Long> classIds, LocalDate monday, int weeks) {
		List<Lesson> all = lessons.ofClasses(classIds, monday, monday.plusWeeks(weeks + 2));
		LocalDate end = monday.plusWeeks(weeks);
		int count = 0;
		for (int i = 0; i < all.size(); i++) {
			Lesson l = all.get(i);
			if (!l.date().isBefore(end) || l.cancelled() || assignments.byLesson(l.id()).isPresent()) {
				continue;
			}
			Lesson next = null;
			for (int j = i + 1; j < all.size() && next == null; j++) {
				Lesson c = all.get(j);
				if (c.classId() == l.classId() && c.subjectId() == l.subjectId() && Objects.equals(c.groupId(), l.groupId())
						&& c.date().isAfter(l.date()) && !c.cancelled()) {
					next = c;
				}
			}
			if (next == null) {
				continue;
			}
			String text = java.text.MessageFormat.format(TASKS.get((int) (l.id() % TASKS.size())), 10 + l.id() % 40, 100 + l.id() % 300);
			assignments.insertForDemo(l, next, text, clock.instant());
			count++;
		}
		return count;
	}
}
