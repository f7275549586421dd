package ru.eschool.timetable.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import ru.eschool.school.TeachingDirectory;
import ru.eschool.school.TeachingDirectory.Names;
import ru.eschool.timetable.Lesson;

/**
 * A week (Monday to Saturday) of lessons as the week pages show it: each day with its lessons,
 * today marked, changes flagged. Names come from one lookup, whatever the number of lessons.
 */
public record WeekView(LocalDate monday, LocalDate today, List<Day> days) {

	public record Day(LocalDate date, boolean today, List<Row> lessons) {
	}

	/** A lesson with the names it needs; {@code css} says how it is highlighted. */
	public record Row(Lesson lesson, String subject, String className, String group, String teacher, String substitute) {

		public String css() {
			return "lesson" + (lesson.changed() ? " changed" : "") + (lesson.cancelled() ? " cancelled" : "");
		}

		public boolean moved() {
			return lesson.movedFromDate() != null;
		}

		public boolean substituted() {
			return lesson.substituteId() != null;
		}
	}

	public LocalDate previous() {
		return monday.minusWeeks(1);
	}

	public LocalDate next() {
		return monday.plusWeeks(1);
	}

	public LocalDate saturday() {
		return monday.plusDays(5);
	}

	public boolean thisWeek() {
		return !today.isBefore(monday) && today.isBefore(monday.plusWeeks(1));
	}

	public boolean empty() {
		return days.stream().allMatch(d -> d.lessons().isEmpty());
	}

	/** The Monday of the week that holds the day asked for (any day; a bad value means this week). */
	static LocalDate monday(@Nullable String week, LocalDate today) {
		LocalDate day = today;
		if (week != null && !week.isBlank()) {
			try {
				day = LocalDate.parse(week.strip());
			}
			catch (DateTimeParseException e) {
				day = today;
			}
		}
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	static WeekView of(LocalDate monday, LocalDate today, List<Lesson> lessons, TeachingDirectory directory) {
		Set<Long> subjects = new HashSet<>();
		Set<Long> staff = new HashSet<>();
		Set<Long> classes = new HashSet<>();
		Set<Long> groups = new HashSet<>();
		for (Lesson l : lessons) {
			subjects.add(l.subjectId());
			staff.add(l.teacherId());
			if (l.substituteId() != null) {
				staff.add(l.substituteId());
			}
			classes.add(l.classId());
			if (l.groupId() != null) {
				groups.add(l.groupId());
			}
		}
		Names names = lessons.isEmpty() ? new Names(java.util.Map.of(), java.util.Map.of(), java.util.Map.of(),
				java.util.Map.of()) : directory.names(subjects, staff, classes, groups);
		List<Day> days = new ArrayList<>();
		for (int d = 0; d < 6; d++) {
			LocalDate date = monday.plusDays(d);
			List<Row> rows = new ArrayList<>();
			for (Lesson l : lessons) {
				if (l.date().equals(date)) {
					rows.add(new Row(l, names.subject(l.subjectId()), names.className(l.classId()),
							names.group(l.groupId()), names.staffShort(l.teacherId()), names.staffShort(l.substituteId())));
				}
			}
			days.add(new Day(date, date.equals(today), rows));
		}
		return new WeekView(monday, today, days);
	}
}
