package ru.eschool.timetable.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.school.StudyCalendar;
import ru.eschool.school.TeachingDirectory;
import ru.eschool.school.TeachingDirectory.Names;
import ru.eschool.shared.Db;
import ru.eschool.shared.NotFound;
import ru.eschool.timetable.Lesson;
import ru.eschool.timetable.LessonChanged;
import ru.eschool.timetable.LessonChanged.Kind;
import ru.eschool.timetable.Lessons;

/**
 * Changes to a dated lesson: a substitute teacher, a cancellation, a move to another slot or day,
 * another room. Each needs a reason, is refused when it would put a teacher or a room in two places
 * at once, and is refused when the lesson changed since the form was shown (the version the form
 * carries). What is done is written to the lesson, to its append-only history, and published as
 * {@link LessonChanged} — all in one transaction.
 */
@Service
public class LessonChanges {

	public static final int MAX_REASON = 300;

	/** One row of a lesson's history; values are staff ids (SUBSTITUTE), "date shift number" (MOVE) or rooms. */
	public record Change(long id, long lessonId, Kind kind, @Nullable String oldValue, @Nullable String newValue,
			String reason, long changedBy, Instant changedAt) {
	}

	private final JdbcClient db;
	private final Lessons lessons;
	private final Bells bells;
	private final StudyCalendar calendar;
	private final TeachingDirectory directory;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	LessonChanges(JdbcClient db, Lessons lessons, Bells bells, StudyCalendar calendar, TeachingDirectory directory,
			ApplicationEventPublisher events, Clock clock) {
		this.db = db;
		this.lessons = lessons;
		this.bells = bells;
		this.calendar = calendar;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	/** A lesson of the institution, or 404 (scoping). */
	public Lesson find(long institutionId, long lessonId) {
		return lessons.find(lessonId).filter(l -> l.institutionId() == institutionId).orElseThrow(NotFound::new);
	}

	/** Someone else teaches the lesson; choosing the planned teacher again ends the substitution. */
	@Transactional
	public List<Problem> substitute(long institutionId, long lessonId, int version, long substituteId,
			@Nullable String reason, long by) {
		Lesson lesson = find(institutionId, lessonId);
		directory.activeStaffMember(institutionId, substituteId).orElseThrow(NotFound::new);
		List<Problem> problems = common(lesson, version, reason);
		if (substituteId == lesson.actualTeacherId()) {
			problems.add(new Problem("substituteId", "timetable.substitute.same"));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		List<Lesson> busy = lessons.atTime(institutionId, lesson.date(), lesson.startsAt(), lesson.endsAt());
		problems.addAll(conflicts(lesson, busy, substituteId, null, false, "substituteId", ""));
		if (!problems.isEmpty()) {
			return problems;
		}
		Long newSubstitute = substituteId == lesson.teacherId() ? null : substituteId;
		int updated = db.sql("""
				update timetable_lesson set substitute_id = :s, change_reason = :r, changed_at = :now, version = version + 1
				where id = :id and version = :v""").param("s", newSubstitute).param("r", reason.strip())
			.param("now", now()).param("id", lessonId).param("v", version).update();
		return done(updated, lesson, Kind.SUBSTITUTE, String.valueOf(lesson.actualTeacherId()),
				String.valueOf(substituteId), reason, by, lesson.date(), lesson.number());
	}

	/** The lesson does not take place; it stays on record with its reason. */
	@Transactional
	public List<Problem> cancel(long institutionId, long lessonId, int version, @Nullable String reason, long by) {
		Lesson lesson = find(institutionId, lessonId);
		List<Problem> problems = common(lesson, version, reason);
		if (!problems.isEmpty()) {
			return problems;
		}
		int updated = db.sql("""
				update timetable_lesson set status = 'CANCELLED', change_reason = :r, changed_at = :now, version = version + 1
				where id = :id and version = :v""").param("r", reason.strip()).param("now", now()).param("id", lessonId)
			.param("v", version).update();
		return done(updated, lesson, Kind.CANCEL, Lesson.Status.SCHEDULED.name(), Lesson.Status.CANCELLED.name(),
				reason, by, lesson.date(), lesson.number());
	}

	/** The lesson takes place in another slot and/or on another day (Monday to Saturday, in a study period). */
	@Transactional
	public List<Problem> move(long institutionId, long lessonId, int version, @Nullable LocalDate date, int shift,
			int number, @Nullable String reason, long by) {
		Lesson lesson = find(institutionId, lessonId);
		List<Problem> problems = common(lesson, version, reason);
		Bell bell = bells.find(institutionId, shift, number).orElse(null);
		if (bell == null) {
			problems.add(new Problem("slot", "timetable.template.noSlot"));
		}
		if (date == null) {
			problems.add(new Problem("date", "timetable.move.date"));
		}
		else if (date.getDayOfWeek().getValue() > 6) {
			problems.add(new Problem("date", "timetable.move.sunday"));
		}
		else if (calendar.periodOn(lesson.classId(), date).isEmpty()
				|| calendar.holidaysOfClass(lesson.classId()).stream().anyMatch(h -> h.contains(date))) {
			problems.add(new Problem("date", "timetable.move.notSchoolDay"));
		}
		else if (date.equals(lesson.date()) && shift == lesson.shift() && number == lesson.number()) {
			problems.add(new Problem("slot", "timetable.move.same"));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		List<Lesson> busy = lessons.atTime(institutionId, date, bell.startsAt(), bell.endsAt());
		problems.addAll(conflicts(lesson, busy, lesson.actualTeacherId(), lesson.room(), true, "slot", "slot"));
		if (!problems.isEmpty()) {
			return problems;
		}
		int updated = db.sql("""
				update timetable_lesson set lesson_date = :d, shift = :s, number = :n, starts_at = :start, ends_at = :end,
				  moved_from_date = coalesce(moved_from_date, lesson_date),
				  moved_from_shift = coalesce(moved_from_shift, shift),
				  moved_from_number = coalesce(moved_from_number, number),
				  change_reason = :r, changed_at = :now, version = version + 1
				where id = :id and version = :v""").param("d", date).param("s", shift).param("n", number)
			.param("start", bell.startsAt()).param("end", bell.endsAt()).param("r", reason.strip()).param("now", now())
			.param("id", lessonId).param("v", version).update();
		return done(updated, lesson, Kind.MOVE, place(lesson.date(), lesson.shift(), lesson.number()),
				place(date, shift, number), reason, by, date, number);
	}

	/** The lesson takes place in another room. */
	@Transactional
	public List<Problem> changeRoom(long institutionId, long lessonId, int version, @Nullable String room,
			@Nullable String reason, long by) {
		Lesson lesson = find(institutionId, lessonId);
		List<Problem> problems = common(lesson, version, reason);
		String newRoom = Rooms.normalize(room);
		if (newRoom == null) {
			problems.add(new Problem("room", "timetable.change.roomRequired"));
		}
		else if (newRoom.length() > Rooms.MAX_LENGTH) {
			problems.add(new Problem("room", "timetable.room.tooLong", Rooms.MAX_LENGTH));
		}
		else if (newRoom.equals(lesson.room())) {
			problems.add(new Problem("room", "timetable.room.same"));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		List<Lesson> busy = lessons.atTime(institutionId, lesson.date(), lesson.startsAt(), lesson.endsAt());
		problems.addAll(conflicts(lesson, busy, null, newRoom, false, "", "room"));
		if (!problems.isEmpty()) {
			return problems;
		}
		int updated = db.sql("""
				update timetable_lesson set room = :room, change_reason = :r, changed_at = :now, version = version + 1
				where id = :id and version = :v""").param("room", newRoom).param("r", reason.strip()).param("now", now())
			.param("id", lessonId).param("v", version).update();
		return done(updated, lesson, Kind.ROOM, lesson.room(), newRoom, reason, by, lesson.date(), lesson.number());
	}

	/** The lesson's history, the latest first. */
	public List<Change> history(long lessonId) {
		return db.sql("""
				select id, lesson_id, kind, old_value, new_value, reason, changed_by, changed_at
				from timetable_lesson_change where lesson_id = :l order by changed_at desc, id desc""")
			.param("l", lessonId)
			.query((rs, n) -> new Change(rs.getLong(1), rs.getLong(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getLong(7), rs.getObject(8, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** "2026-12-07 1 3": a day, a shift and a slot number, as the history keeps a move. */
	public static String place(LocalDate date, int shift, int number) {
		return date + " " + shift + " " + number;
	}

	private List<Problem> common(Lesson lesson, int version, @Nullable String reason) {
		List<Problem> problems = new ArrayList<>();
		if (lesson.version() != version) {
			problems.add(new Problem("", "timetable.change.stale"));
			return problems;
		}
		if (lesson.cancelled()) {
			problems.add(new Problem("", "timetable.change.cancelled"));
		}
		if (reason == null || reason.isBlank()) {
			problems.add(new Problem("reason", "timetable.change.reasonRequired"));
		}
		else if (reason.strip().length() > MAX_REASON) {
			problems.add(new Problem("reason", "timetable.change.reasonTooLong", MAX_REASON));
		}
		return problems;
	}

	/**
	 * What is in the way at the new time: the teacher elsewhere, the room taken, and (for a move)
	 * another lesson of the same class, unless the two are for different groups.
	 */
	private List<Problem> conflicts(Lesson lesson, List<Lesson> busy, @Nullable Long teacherId, @Nullable String room,
			boolean sameClass, String teacherField, String roomField) {
		List<Lesson> others = busy.stream().filter(l -> l.id() != lesson.id()).toList();
		if (others.isEmpty()) {
			return List.of();
		}
		Set<Long> subjects = new HashSet<>();
		Set<Long> staff = new HashSet<>();
		Set<Long> classes = new HashSet<>();
		Set<Long> groups = new HashSet<>();
		if (teacherId != null) {
			staff.add(teacherId);
		}
		for (Lesson l : others) {
			subjects.add(l.subjectId());
			classes.add(l.classId());
			if (l.groupId() != null) {
				groups.add(l.groupId());
			}
		}
		Names names = directory.names(subjects, staff, classes, groups);
		List<Problem> problems = new ArrayList<>();
		if (teacherId != null) {
			others.stream().filter(l -> l.actualTeacherId() == teacherId).findFirst()
				.ifPresent(l -> problems.add(new Problem(teacherField, "timetable.conflict.teacher",
						names.staffShort(teacherId), label(names, l))));
		}
		if (room != null) {
			others.stream().filter(l -> room.equals(l.room())).findFirst()
				.ifPresent(l -> problems.add(new Problem(roomField, "timetable.conflict.room", room, label(names, l))));
		}
		if (sameClass) {
			others.stream()
				.filter(l -> l.classId() == lesson.classId() && WeeklyTemplate.clash(lesson.groupId(), l.groupId()))
				.findFirst()
				.ifPresent(l -> problems.add(new Problem("slot", "timetable.conflict.classSlot", label(names, l))));
		}
		return problems;
	}

	private static String label(Names names, Lesson l) {
		return names.className(l.classId()) + (l.groupId() == null ? "" : " (" + names.group(l.groupId()) + ")") + ", "
				+ names.subject(l.subjectId());
	}

	private List<Problem> done(int updated, Lesson lesson, Kind kind, @Nullable String oldValue,
			@Nullable String newValue, String reason, long by, LocalDate date, int number) {
		if (updated == 0) {
			return List.of(new Problem("", "timetable.change.stale"));
		}
		db.sql("""
				insert into timetable_lesson_change (lesson_id, kind, old_value, new_value, reason, changed_by, changed_at)
				values (:l, :k, :o, :n, :r, :by, :at)""").param("l", lesson.id()).param("k", kind.name())
			.param("o", oldValue).param("n", newValue).param("r", reason.strip()).param("by", by).param("at", now())
			.update();
		events.publishEvent(new LessonChanged(lesson.id(), lesson.institutionId(), lesson.classId(), lesson.groupId(),
				date, number, kind, reason.strip()));
		return List.of();
	}

	private OffsetDateTime now() {
		return Db.utc(clock.instant());
	}
}
