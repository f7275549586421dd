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
	record PlannedSlot(long classId, @Nullable Long groupId, LocalDate date, int shift, int number) {
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
		List<Object[]> rows = rows(klass, from, to, bells.of(klass.institutionId()),
				calendar.periodsOfClass(klass.id()), calendar.holidaysOfClass(klass.id()), entries.ofClass(klass.id()),
				existing("class_id", klass.id(), from, to));
		insert(rows);
		return rows.size();
	}

	/**
	 * The same for many classes of one school, each between its own two days, in a few statements:
	 * the school's bells, templates and existing lessons are read once, periods once per grade and
	 * holidays once per year and grade, and the new lessons go in one batch.
	 */
	@Transactional
	public int generate(long institutionId, Map<ClassInfo, LocalDate[]> ranges) {
		if (ranges.isEmpty()) {
			return 0;
		}
		LocalDate from = ranges.values().stream().map(r -> r[0]).min(LocalDate::compareTo).orElseThrow();
		LocalDate to = ranges.values().stream().map(r -> r[1]).max(LocalDate::compareTo).orElseThrow();
		List<Bell> schoolBells = bells.of(institutionId);
		Map<Long, List<TemplateEntry>> templates = new HashMap<>();
		entries.ofInstitution(institutionId).forEach(e -> templates.computeIfAbsent(e.classId(), k -> new ArrayList<>()).add(e));
		Set<PlannedSlot> existing = existing("institution_id", institutionId, from, to);
		Map<String, List<StudyPeriod>> periods = new HashMap<>();
		Map<String, List<Holiday>> holidays = new HashMap<>();
		List<Object[]> rows = new ArrayList<>();
		for (Map.Entry<ClassInfo, LocalDate[]> r : ranges.entrySet()) {
			ClassInfo klass = r.getKey();
			List<TemplateEntry> template = templates.getOrDefault(klass.id(), List.of());
			if (template.isEmpty()) {
				continue;
			}
			rows.addAll(rows(klass, r.getValue()[0], r.getValue()[1], schoolBells,
					periods.computeIfAbsent(klass.academicYearId() + "/" + klass.grade(),
							k -> calendar.periodsOfClass(klass.id())),
					holidays.computeIfAbsent(klass.academicYearId() + "/" + klass.grade(),
							k -> calendar.holidaysOfClass(klass.id())), template,
					existing));
		}
		insert(rows);
		return rows.size();
	}

	private List<Object[]> rows(ClassInfo klass, LocalDate from, LocalDate to, List<Bell> schoolBells,
			List<StudyPeriod> periods, List<Holiday> holidays, List<TemplateEntry> template, Set<PlannedSlot> existing) {
		List<Object[]> rows = new ArrayList<>();
		if (template.isEmpty() || periods.isEmpty() || to.isBefore(from)) {
			return rows;
		}
		Map<String, Bell> slots = new HashMap<>();
		schoolBells.forEach(b -> slots.put(b.shift() + "/" + b.number(), b));
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
						|| !existing.add(new PlannedSlot(klass.id(), e.groupId(), day, e.shift(), e.number()))) {
					continue;
				}
				rows.add(new Object[] { klass.institutionId(), klass.id(), e.groupId(), e.subjectId(), e.teacherId(),
						day, e.shift(), e.number(), bell.startsAt(), bell.endsAt(), e.room(), e.id() });
			}
		}
		return rows;
	}

	/** The planned slots that have a lesson already, of a class or a whole school ({@code column} is fixed text). */
	private Set<PlannedSlot> existing(String column, long id, LocalDate from, LocalDate to) {
		Set<PlannedSlot> slots = new HashSet<>();
		db.sql("""
				select class_id, group_id, coalesce(moved_from_date, lesson_date), coalesce(moved_from_shift, shift),
				       coalesce(moved_from_number, number)
				from timetable_lesson where %s = :id and coalesce(moved_from_date, lesson_date) between :f and :t"""
			.formatted(column))
			.param("id", id).param("f", from).param("t", to)
			.query(rs -> {
				slots.add(new PlannedSlot(rs.getLong(1), (Long) rs.getObject(2, Long.class),
						rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getInt(5)));
			});
		return slots;
	}

	/** Rows per insert statement: a multi-row insert is several times faster than a JDBC batch on H2. */
	private static final int ROWS_PER_INSERT = 200;

	private void insert(List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
			List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
			StringBuilder sql = new StringBuilder("""
					insert into timetable_lesson (institution_id, class_id, group_id, subject_id, teacher_id, lesson_date,
					  shift, number, starts_at, ends_at, room, status, template_entry_id, version) values """);
			for (int i = 0; i < chunk.size(); i++) {
				sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, 0)");
			}
			jdbc.update(sql.toString(), ps -> {
				int p = 1;
				for (Object[] r : chunk) {
					ps.setLong(p++, (Long) r[0]);
					ps.setLong(p++, (Long) r[1]);
					if (r[2] == null) {
						ps.setNull(p++, Types.BIGINT);
					}
					else {
						ps.setLong(p++, (Long) r[2]);
					}
					ps.setLong(p++, (Long) r[3]);
					ps.setLong(p++, (Long) r[4]);
					ps.setObject(p++, r[5]);
					ps.setInt(p++, (Integer) r[6]);
					ps.setInt(p++, (Integer) r[7]);
					ps.setObject(p++, (LocalTime) r[8]);
					ps.setObject(p++, (LocalTime) r[9]);
					ps.setString(p++, (String) r[10]);
					ps.setLong(p++, (Long) r[11]);
				}
			});
		}
	}

	/** Days of the class's periods from the day given to the last period's end: "the rest of the year". */
	public static @Nullable LocalDate lastDay(List<StudyPeriod> periods) {
		return periods.stream().map(StudyPeriod::endsOn).max(LocalDate::compareTo).orElse(null);
	}
}
