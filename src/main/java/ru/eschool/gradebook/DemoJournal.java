package ru.eschool.gradebook;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.gradebook.internal.WorkTypes;
import ru.eschool.gradebook.internal.WorkTypes.WorkType;
import ru.eschool.school.StudyCalendar;
import ru.eschool.school.StudyCalendar.StudyPeriod;
import ru.eschool.school.Teaching;
import ru.eschool.school.Teaching.ClassSubject;
import ru.eschool.school.Teaching.Pupil;
import ru.eschool.timetable.Lesson;
import ru.eschool.timetable.Lessons;

/**
 * The journal of the demo region (called by the {@code demo} module): for the dated lessons of each
 * class's current study period up to today, a topic, attendance (about 8 % absences, mostly н and
 * б, a few оп) and marks (about ten per student and subject over a period; mostly 4s and 5s).
 * Batched inserts without an actor and without events, so only demo data may use it. Lessons that
 * already have a topic are left alone, so it can run at every start and fills only the new days.
 */
@Service
public class DemoJournal {

	private static final List<String> TOPICS = List.of("Повторение изученного", "Новая тема: введение",
			"Решение задач", "Практическая работа", "Работа с текстом", "Закрепление", "Проверочная работа",
			"Обобщение и систематизация", "Работа над ошибками", "Контрольная работа");

	/** Who posted demo marks: no account. */
	private static final long DEMO_ACCOUNT = 0;

	private final Teaching teaching;
	private final StudyCalendar calendar;
	private final Lessons lessons;
	private final WorkTypes workTypes;
	private final JdbcTemplate jdbc;
	private final Clock clock;

	DemoJournal(Teaching teaching, StudyCalendar calendar, Lessons lessons, WorkTypes workTypes, JdbcTemplate jdbc,
			Clock clock) {
		this.teaching = teaching;
		this.calendar = calendar;
		this.lessons = lessons;
		this.workTypes = workTypes;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Fills the journals of the institutions up to today; returns the number of lessons filled (0 when there are none). */
	@Transactional
	public int fill(Collection<Long> institutionIds) {
		LocalDate today = LocalDate.now(clock);
		int filled = 0;
		for (long inst : institutionIds) {
			filled += fillInstitution(inst, today);
		}
		return filled;
	}

	private int fillInstitution(long inst, LocalDate today) {
		Map<Long, StudyPeriod> periodOf = new HashMap<>();
		LocalDate earliest = null;
		for (var e : calendar.periodsOfClasses(inst).entrySet()) {
			e.getValue().stream().filter(p -> p.contains(today)).findFirst().ifPresent(p -> periodOf.put(e.getKey(), p));
		}
		for (StudyPeriod p : periodOf.values()) {
			earliest = earliest == null || p.startsOn().isBefore(earliest) ? p.startsOn() : earliest;
		}
		if (earliest == null) {
			return 0;
		}
		Set<Long> done = new HashSet<>(jdbc.queryForList(
				"select lesson_id from gradebook_lesson where institution_id = ?", Long.class, inst));
		List<Lesson> all = lessons.ofInstitution(inst, earliest, today).stream()
			.filter(l -> !l.cancelled() && periodOf.containsKey(l.classId())
					&& !l.date().isBefore(periodOf.get(l.classId()).startsOn()))
			.toList();
		List<Lesson> unfilled = all.stream().filter(l -> !done.contains(l.id())).toList();
		if (unfilled.isEmpty()) {
			return 0;
		}
		List<WorkType> types = workTypes.of(inst);
		WorkType answer = types.get(0);
		WorkType test = types.stream().filter(t -> t.weight() >= 2).findFirst().orElse(answer);
		// lessons per journal so far, to spread about ten marks per student over the whole period
		Map<String, Integer> perJournal = new HashMap<>();
		for (Lesson l : all) {
			perJournal.merge(journal(l), 1, Integer::sum);
		}
		Map<Long, List<Pupil>> pupilsOf = new HashMap<>();
		Map<Long, Map<Long, Boolean>> passFailOf = new HashMap<>();
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		List<Object[]> topics = new ArrayList<>();
		List<Object[]> cells = new ArrayList<>();
		List<Object[]> marks = new ArrayList<>();
		for (Lesson l : unfilled) {
			Random random = new Random(l.id() * 7919L);
			boolean control = random.nextInt(8) == 0;
			WorkType type = control ? test : answer;
			topics.add(new Object[] { l.id(), inst, control ? TOPICS.get(TOPICS.size() - 1) : TOPICS.get(random.nextInt(TOPICS.size() - 1)),
					type.id(), DEMO_ACCOUNT, now });
			List<Pupil> pupils = pupilsOf.computeIfAbsent(l.classId(), c -> {
				StudyPeriod p = periodOf.get(c);
				return teaching.pupils(c, p.startsOn(), p.endsOn());
			});
			Map<Long, Boolean> passFail = passFailOf.computeIfAbsent(l.classId(), c -> {
				Map<Long, Boolean> m = new HashMap<>();
				for (ClassSubject s : teaching.subjectsOfClass(inst, c)) {
					m.put(s.subjectId(), s.passFail());
				}
				return m;
			});
			StudyPeriod period = periodOf.get(l.classId());
			long periodDays = Math.max(1, ChronoUnit.DAYS.between(period.startsOn(), period.endsOn()) + 1);
			long soFar = Math.max(1, ChronoUnit.DAYS.between(period.startsOn(), today) + 1);
			double expected = perJournal.get(journal(l)) * (double) periodDays / soFar;
			double markChance = control ? 0.9 : Math.min(0.6, 10.0 / Math.max(1, expected));
			for (Pupil p : pupils) {
				if (!p.enrolledOn(l.date()) || (l.groupId() != null && !p.groups().contains(l.groupId()))) {
					continue;
				}
				Attendance attendance = attendance(random);
				String mark = null;
				if (attendance != Attendance.N && attendance != Attendance.B && random.nextDouble() < markChance) {
					mark = Boolean.TRUE.equals(passFail.get(l.subjectId())) ? (random.nextInt(20) == 0 ? "F" : "P")
							: String.valueOf(mark(p.id(), random));
				}
				if (attendance == null && mark == null) {
					continue;
				}
				cells.add(new Object[] { inst, l.id(), p.id(), attendance == null ? null : attendance.name() });
				if (mark != null) {
					marks.add(new Object[] { l.id(), p.id(), mark, type.id() });
				}
			}
		}
		jdbc.batchUpdate("""
				insert into gradebook_lesson (lesson_id, institution_id, topic, work_type_id, updated_by, updated_at)
				values (?, ?, ?, ?, ?, ?)""", topics);
		jdbc.batchUpdate("""
				insert into gradebook_cell (institution_id, lesson_id, student_id, attendance, version) values (?, ?, ?, ?, 1)""",
				cells);
		// the new cells' ids in one read per thousand lessons, rather than a lookup per mark
		Map<String, Long> cellIds = new HashMap<>();
		List<Long> lessonIds = unfilled.stream().map(Lesson::id).toList();
		for (int from = 0; from < lessonIds.size(); from += 1000) {
			List<Long> chunk = lessonIds.subList(from, Math.min(lessonIds.size(), from + 1000));
			jdbc.query("select id, lesson_id, student_id from gradebook_cell where lesson_id in ("
					+ String.join(",", chunk.stream().map(String::valueOf).toList()) + ")",
					rs -> {
						cellIds.put(rs.getLong(2) + "/" + rs.getLong(3), rs.getLong(1));
					});
		}
		List<Object[]> markRows = new ArrayList<>(marks.size());
		for (Object[] m : marks) {
			markRows.add(new Object[] { cellIds.get(m[0] + "/" + m[1]), m[0], m[1], m[2], m[3], DEMO_ACCOUNT, now });
		}
		jdbc.batchUpdate("""
				insert into gradebook_mark (cell_id, lesson_id, student_id, position, mark_value, work_type_id, posted_by, posted_at)
				values (?, ?, ?, 1, ?, ?, ?, ?)""", markRows);
		// every posted mark has its history row, as the journal writes it
		List<Long> ids = lessonIds;
		for (int from = 0; from < ids.size(); from += 1000) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
			jdbc.update("""
					insert into gradebook_mark_history (kind, mark_id, lesson_id, student_id, old_value, new_value, changed_by, changed_at)
					select 'LESSON', m.id, m.lesson_id, m.student_id, null, m.mark_value, m.posted_by, m.posted_at
					from gradebook_mark m where m.lesson_id in (""" + String.join(",", chunk.stream().map(String::valueOf).toList())
					+ ")");
		}
		return unfilled.size();
	}

	private static String journal(Lesson l) {
		return l.classId() + "/" + l.subjectId() + "/" + Objects.requireNonNullElse(l.groupId(), 0L);
	}

	/** About 8 % absent: н and б mostly, a few уп; and about 1 % late (оп). */
	private static Attendance attendance(Random random) {
		int r = random.nextInt(1000);
		if (r < 40) {
			return Attendance.N;
		}
		if (r < 70) {
			return Attendance.B;
		}
		if (r < 80) {
			return Attendance.UP;
		}
		if (r < 90) {
			return Attendance.OP;
		}
		return null;
	}

	/** A mark from the student's level (fixed by their id): most students get 4s and 5s, a few are weak. */
	static int mark(long studentId, Random random) {
		int level = (int) Math.floorMod(studentId * 2654435761L, 20L); // 0..19
		double[] weights = level < 5 ? new double[] { 0.01, 0.05, 0.30, 0.64 } // strong
				: level < 14 ? new double[] { 0.03, 0.17, 0.50, 0.30 } // good
						: level < 19 ? new double[] { 0.08, 0.42, 0.38, 0.12 } // middling
								: new double[] { 0.25, 0.50, 0.20, 0.05 }; // weak
		double r = random.nextDouble();
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return i + 2;
			}
		}
		return 5;
	}
}
