package ru.eschool.gradebook.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import ru.eschool.school.SchoolNames;
import ru.eschool.school.StudyCalendar;
import ru.eschool.school.StudyCalendar.StudyPeriod;
import ru.eschool.shared.Actor;
import ru.eschool.shared.Role;
import ru.eschool.timetable.Lesson;
import ru.eschool.timetable.Lessons;

/**
 * The school admin's journal-keeping monitor: per teacher (who actually taught, so a substitute
 * answers for the lessons they gave), the lessons held in each class's current study period up to
 * today, how many lack a topic, how many lack any mark or attendance entry, and the share kept in
 * full (both) — worst first. A constant number of statements whatever the size of the school.
 */
@Service
public class JournalMonitor {

	/** One journal (class, subject, group) of a teacher with its gaps. */
	public record JournalGap(long classId, String className, long subjectId, String subjectName, @Nullable Long groupId,
			int held, int gaps) {

		public String href() {
			return "/journal/" + classId + "/" + subjectId + (groupId == null ? "" : "?group=" + groupId);
		}
	}

	public record TeacherRow(long staffId, String name, int held, int withoutTopic, int withoutEntries, int filled,
			List<JournalGap> journals) {

		/** Lessons with both a topic and an entry, in percent of the lessons held (100 when none were held). */
		public int percent() {
			return held == 0 ? 100 : (int) Math.floor(filled * 100.0 / held);
		}
	}

	public record Monitor(LocalDate today, List<TeacherRow> rows) {
	}

	private record JournalKey(long teacher, long classId, long subjectId, @Nullable Long groupId) {
	}

	private final StudyCalendar calendar;
	private final Lessons lessons;
	private final LessonNotes notes;
	private final Cells cells;
	private final SchoolNames names;
	private final Clock clock;

	JournalMonitor(StudyCalendar calendar, Lessons lessons, LessonNotes notes, Cells cells, SchoolNames names, Clock clock) {
		this.calendar = calendar;
		this.lessons = lessons;
		this.notes = notes;
		this.cells = cells;
		this.names = names;
		this.clock = clock;
	}

	public Monitor of(Actor actor) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		LocalDate today = LocalDate.now(clock);
		Map<Long, LocalDate> startOf = new HashMap<>();
		LocalDate earliest = null;
		for (var e : calendar.periodsOfClasses(inst).entrySet()) {
			StudyPeriod p = ClassOverview.current(e.getValue(), today);
			if (p != null && !p.startsOn().isAfter(today)) {
				startOf.put(e.getKey(), p.startsOn());
				earliest = earliest == null || p.startsOn().isBefore(earliest) ? p.startsOn() : earliest;
			}
		}
		if (earliest == null) {
			return new Monitor(today, List.of());
		}
		List<Lesson> held = lessons.ofInstitution(inst, earliest, today).stream()
			.filter(l -> !l.cancelled() && startOf.containsKey(l.classId()) && !l.date().isBefore(startOf.get(l.classId())))
			.toList();
		if (held.isEmpty()) {
			return new Monitor(today, List.of());
		}
		Set<Long> topics = notes.withTopic(inst);
		Set<Long> entries = cells.lessonsWithEntries(inst);
		Map<Long, int[]> counts = new LinkedHashMap<>();
		Map<JournalKey, int[]> journals = new LinkedHashMap<>();
		for (Lesson l : held) {
			boolean topic = topics.contains(l.id());
			boolean entry = entries.contains(l.id());
			int[] c = counts.computeIfAbsent(l.actualTeacherId(), k -> new int[4]);
			c[0]++;
			c[1] += topic ? 0 : 1;
			c[2] += entry ? 0 : 1;
			c[3] += topic && entry ? 1 : 0;
			int[] j = journals.computeIfAbsent(new JournalKey(l.actualTeacherId(), l.classId(), l.subjectId(), l.groupId()),
					k -> new int[2]);
			j[0]++;
			j[1] += topic && entry ? 0 : 1;
		}
		Map<Long, String> staff = names.staffShort(counts.keySet());
		Map<Long, String> classes = names.classes(held.stream().map(Lesson::classId).distinct().toList());
		Map<Long, String> subjects = names.subjects(held.stream().map(Lesson::subjectId).distinct().toList());
		List<TeacherRow> rows = new ArrayList<>();
		for (var e : counts.entrySet()) {
			List<JournalGap> gaps = new ArrayList<>();
			journals.forEach((k, v) -> {
				if (k.teacher() == e.getKey()) {
					gaps.add(new JournalGap(k.classId(), Objects.requireNonNullElse(classes.get(k.classId()), ""), k.subjectId(),
							Objects.requireNonNullElse(subjects.get(k.subjectId()), ""), k.groupId(), v[0], v[1]));
				}
			});
			gaps.sort(Comparator.comparingInt((JournalGap g) -> -g.gaps()).thenComparing(JournalGap::className));
			int[] c = e.getValue();
			rows.add(new TeacherRow(e.getKey(), Objects.requireNonNullElse(staff.get(e.getKey()), ""), c[0], c[1], c[2], c[3],
					gaps));
		}
		rows.sort(Comparator.comparingInt(TeacherRow::percent).thenComparing(r -> -r.held()).thenComparing(TeacherRow::name));
		return new Monitor(today, rows);
	}
}
