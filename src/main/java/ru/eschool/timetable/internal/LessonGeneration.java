package ru.eschool.timetable.internal;

import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.school.StudyCalendar;
import ru.eschool.school.StudyCalendar.Holiday;
import ru.eschool.school.StudyCalendar.StudyPeriod;
import ru.eschool.school.TeachingDirectory.ClassInfo;

/**
 * Turns a class's weekly template into dated lessons for a range of days: only days inside one of
 * the class's study periods, never on a holiday. Running it again adds only what is missing: a
 * planned slot (group, date, shift, number) that already has a lesson, even one since moved,
 * cancelled or marked, is left exactly as it is.
 */
@Service
public class LessonGeneration {

	/** A planned slot of a class: a lesson already made for it is never made again. */
	record PlannedSlot(@Nullable Long groupId, LocalDate date, int shift, int number) {
	}

	private final JdbcClient db;
	private final JdbcTemplate jdbc;
	private final StudyCalendar calendar;
	private final Bells bells;
	private final TemplateEntries entries;

	LessonGeneration(JdbcClient db, JdbcTemplate jdbc, StudyCalendar calendar, Bells bells, TemplateEntries entries) {
		this.db = db;
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.bells = bells;
		this.entries = entries;
	}

	/** Adds the missing lessons of the class between the two days (inclusive); returns how many. */
	@Transactional
	public int generate(ClassInfo klass, LocalDate from, LocalDate to) {
		return generate(klass, from, to, bells.of(klass.institutionId()));
	}

	/** The same with the school's bells already read (generating for many classes). */
	@Transactional
	public int generate(ClassInfo klass, LocalDate from, LocalDate to, List<Bell> schoolBells) {
		List<StudyPeriod> periods = calendar.periodsOfClass(klass.id());
		List<Holiday> holidays = calendar.holidaysOfClass(klass.id());
		List<TemplateEntry> template = entries.ofClass(klass.id());
		if (template.isEmpty() || periods.isEmpty() || to.isBefore(from)) {
			return 0;
		}
		Map<String, Bell> slots = new HashMap<>();
		schoolBells.forEach(b -> slots.put(b.shift() + "/" + b.number(), b));
		Set<PlannedSlot> existing = existing(klass.id(), from, to);
		List<Object[]> rows = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			int weekday = day.getDayOfWeek().getValue();
			LocalDate d = day;
			if (weekday > 6 || periods.stream().noneMatch(p -> p.contains(d))
					|| holidays.stream().anyMatch(h -> h.contains(d))) {
				continue;
			}
			for (TemplateEntry e : template) {
				Bell bell = slots.get(e.shift() + "/" + e.number());
				if (e.weekday() != weekday || bell == null
						|| !existing.add(new PlannedSlot(e.groupId(), day, e.shift(), e.number()))) {
					continue;
				}
				rows.add(new Object[] { klass.institutionId(), klass.id(), e.groupId(), e.subjectId(), e.teacherId(),
						day, e.shift(), e.number(), bell.startsAt(), bell.endsAt(), e.room(), e.id() });
			}
		}
		insert(rows);
		return rows.size();
	}

	private Set<PlannedSlot> existing(long classId, LocalDate from, LocalDate to) {
		Set<PlannedSlot> slots = new HashSet<>();
		db.sql("""
				select group_id, coalesce(moved_from_date, lesson_date), coalesce(moved_from_shift, shift),
				       coalesce(moved_from_number, number)
				from timetable_lesson where class_id = :c and coalesce(moved_from_date, lesson_date) between :f and :t""")
			.param("c", classId).param("f", from).param("t", to)
			.query(rs -> {
				slots.add(new PlannedSlot((Long) rs.getObject(1, Long.class), rs.getObject(2, LocalDate.class),
						rs.getInt(3), rs.getInt(4)));
			});
		return slots;
	}

	private void insert(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("""
				insert into timetable_lesson (institution_id, class_id, group_id, subject_id, teacher_id, lesson_date,
				  shift, number, starts_at, ends_at, room, status, template_entry_id, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, 0)""", rows, 1000, (ps, r) -> {
					ps.setLong(1, (Long) r[0]);
					ps.setLong(2, (Long) r[1]);
					if (r[2] == null) {
						ps.setNull(3, Types.BIGINT);
					}
					else {
						ps.setLong(3, (Long) r[2]);
					}
					ps.setLong(4, (Long) r[3]);
					ps.setLong(5, (Long) r[4]);
					ps.setObject(6, r[5]);
					ps.setInt(7, (Integer) r[6]);
					ps.setInt(8, (Integer) r[7]);
					ps.setObject(9, (LocalTime) r[8]);
					ps.setObject(10, (LocalTime) r[9]);
					ps.setString(11, (String) r[10]);
					ps.setLong(12, (Long) r[11]);
				});
	}

	/** Days of the class's periods from the day given to the last period's end: "the rest of the year". */
	public static @Nullable LocalDate lastDay(List<StudyPeriod> periods) {
		return periods.stream().map(StudyPeriod::endsOn).max(LocalDate::compareTo).orElse(null);
	}
}
