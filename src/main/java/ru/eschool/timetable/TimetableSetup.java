package ru.eschool.timetable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.school.TeachingDirectory.ClassInfo;
import ru.eschool.timetable.internal.Bell;
import ru.eschool.timetable.internal.BellRules;
import ru.eschool.timetable.internal.Bells;
import ru.eschool.timetable.internal.LessonChanges;
import ru.eschool.timetable.internal.LessonGeneration;
import ru.eschool.timetable.internal.Problem;
import ru.eschool.timetable.internal.TemplateEntries;
import ru.eschool.timetable.internal.TemplateEntry;

/**
 * Bulk set-up of school timetables for start-up code (the demo region, later installation tools):
 * bells, whole weekly templates in one batch, dated lessons, and changes made as a given staff
 * member. Templates written here are trusted to be free of clashes (the caller plans them); the
 * changes go through the same checks, history and events as the admin's pages.
 */
@Service
public class TimetableSetup {

	/** A numbered lesson slot of a shift. */
	public record Slot(int shift, int number, LocalTime startsAt, LocalTime endsAt) {
	}

	/** A line of a weekly template; weekday 1 = Monday ... 6 = Saturday. */
	public record Entry(long institutionId, long academicYearId, long classId, @Nullable Long groupId, int weekday,
			int shift, int number, long subjectId, long teacherId, @Nullable String room) {
	}

	private final Bells bells;
	private final TemplateEntries entries;
	private final LessonGeneration generation;
	private final LessonChanges changes;

	TimetableSetup(Bells bells, TemplateEntries entries, LessonGeneration generation, LessonChanges changes) {
		this.bells = bells;
		this.entries = entries;
		this.generation = generation;
		this.changes = changes;
	}

	/** The schedule the bells page proposes: 45-minute lessons from 8:30, a long break after the 2nd. */
	public List<Slot> proposedBells(int shifts) {
		return BellRules.proposal(shifts).stream().map(b -> new Slot(b.shift(), b.number(), b.startsAt(), b.endsAt()))
			.toList();
	}

	public boolean hasBells(long institutionId) {
		return !bells.of(institutionId).isEmpty();
	}

	public void saveBells(long institutionId, List<Slot> slots) {
		bells.replace(institutionId,
				slots.stream().map(s -> new Bell(s.shift(), s.number(), s.startsAt(), s.endsAt())).toList());
	}

	/** Writes template lines in one batch, without conflict checks. */
	public void addTemplate(List<Entry> lines) {
		entries.insertAll(lines.stream()
			.map(e -> new TemplateEntry(0, e.institutionId(), e.academicYearId(), e.classId(), e.groupId(), e.weekday(),
					e.shift(), e.number(), e.subjectId(), e.teacherId(), e.room()))
			.toList());
	}

	/** Makes the class's missing dated lessons between two days (see the admin's "make lessons"). */
	@Transactional
	public int generate(ClassInfo klass, LocalDate from, LocalDate to) {
		return generation.generate(klass, from, to);
	}

	/** The same for classes of one school, in a few statements and one batch. */
	@Transactional
	public int generate(long institutionId, List<ClassInfo> classes, LocalDate from, LocalDate to) {
		java.util.Map<ClassInfo, LocalDate[]> ranges = new java.util.LinkedHashMap<>();
		classes.forEach(c -> ranges.put(c, new LocalDate[] { from, to }));
		return generation.generate(institutionId, ranges);
	}

	/** A substitute for a lesson; returns the message keys of what stopped it (empty when done). */
	public List<String> substitute(long institutionId, long lessonId, long substituteId, String reason, long byStaff) {
		Lesson l = changes.find(institutionId, lessonId);
		return codes(changes.substitute(institutionId, lessonId, l.version(), substituteId, reason, byStaff));
	}

	public List<String> cancel(long institutionId, long lessonId, String reason, long byStaff) {
		Lesson l = changes.find(institutionId, lessonId);
		return codes(changes.cancel(institutionId, lessonId, l.version(), reason, byStaff));
	}

	public List<String> changeRoom(long institutionId, long lessonId, String room, String reason, long byStaff) {
		Lesson l = changes.find(institutionId, lessonId);
		return codes(changes.changeRoom(institutionId, lessonId, l.version(), room, reason, byStaff));
	}

	public List<String> move(long institutionId, long lessonId, LocalDate date, int shift, int number, String reason,
			long byStaff) {
		Lesson l = changes.find(institutionId, lessonId);
		return codes(changes.move(institutionId, lessonId, l.version(), date, shift, number, reason, byStaff));
	}

	private static List<String> codes(List<Problem> problems) {
		return problems.stream().map(Problem::code).toList();
	}
}
