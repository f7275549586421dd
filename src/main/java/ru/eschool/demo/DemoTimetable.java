package ru.eschool.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.eschool.school.RegionSetup;
import ru.eschool.school.TeachingDirectory;
import ru.eschool.school.TeachingDirectory.Assignment;
import ru.eschool.school.TeachingDirectory.ClassInfo;
import ru.eschool.school.TeachingDirectory.Teacher;
import ru.eschool.timetable.Lesson;
import ru.eschool.timetable.Lessons;
import ru.eschool.timetable.TimetableSetup;

/**
 * The demo region's timetable, loaded after {@link DemoRegion} unless it is there: bells for each
 * school, a weekly template for every class built from its teaching assignments (grades 1-4 on
 * five days, 5-11 on six; no teacher in two places; each teacher in their own room), dated
 * lessons for the second quarter, and a few changes this week so that the pages show highlights.
 */
@Component
@Profile("demo")
@Order(20)
class DemoTimetable implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTimetable.class);

	/** The second quarter: the demo's "current" one. Grades 10-11 get the same days of their first half-year. */
	static final LocalDate Q2_STARTS = LocalDate.of(2026, 11, 5);
	static final LocalDate Q2_ENDS = LocalDate.of(2026, 12, 27);

	/** Lessons a week by grade 1..11 (within the sanitary maximum), spread over 5 or 6 days. */
	private static final int[] WEEKLY = { 21, 23, 23, 23, 32, 33, 35, 36, 36, 37, 37 };
	private static final String PE = "Физическая культура";
	private static final int SLOTS = 7;

	private final RegionSetup region;
	private final TeachingDirectory directory;
	private final TimetableSetup timetable;
	private final Lessons lessons;
	private final TransactionTemplate tx;
	private final Clock clock;

	DemoTimetable(RegionSetup region, TeachingDirectory directory, TimetableSetup timetable, Lessons lessons,
			TransactionTemplate tx, Clock clock) {
		this.region = region;
		this.directory = directory;
		this.timetable = timetable;
		this.lessons = lessons;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		load();
	}

	/** Loads the timetable unless the demo schools have bells already; true when it loaded it now. */
	boolean load() {
		List<Long> schools = schools();
		if (schools.isEmpty() || timetable.hasBells(schools.get(0))) {
			return false;
		}
		long start = System.nanoTime();
		int[] counts = tx.execute(status -> write(schools));
		log.info("Demo timetable loaded in {} ms: {} template lines, {} dated lessons, {} changes",
				(System.nanoTime() - start) / 1_000_000, counts[0], counts[1], counts[2]);
		return true;
	}

	private List<Long> schools() {
		List<Long> ids = new ArrayList<>();
		for (DemoRegion.SchoolSpec spec : DemoRegion.SCHOOLS) {
			region.municipality(spec.municipality()).flatMap(m -> region.institution(m, spec.shortName()))
				.ifPresent(ids::add);
		}
		return ids;
	}

	private int[] write(List<Long> schools) {
		Random random = new Random(DemoRegion.SEED);
		int[] counts = new int[3];
		for (long school : schools) {
			timetable.saveBells(school, timetable.proposedBells(1));
			List<ClassInfo> classes = directory.currentClasses(school);
			List<TimetableSetup.Entry> entries = plan(classes, directory.assignmentsOfSchool(school), random);
			timetable.addTemplate(entries);
			counts[0] += entries.size();
			counts[1] += timetable.generate(school, classes, Q2_STARTS, Q2_ENDS);
		}
		counts[2] = changes(schools.get(0));
		return counts;
	}

	// ---- the weekly templates ----

	/** One weekly lesson of a class: one teacher for the class, or one per group taught side by side. */
	record Unit(String subject, long subjectId, List<Assignment> teachers) {
	}

	/** A class being planned: its lessons still to place and, per day, how far it has got. */
	static final class ClassWeek {

		final ClassInfo klass;
		final List<Unit> units;
		final int days;
		final int slots;
		final int[] last;
		final List<Map<String, Integer>> subjects = new ArrayList<>();
		int target;
		int placed;
		boolean closed;

		ClassWeek(ClassInfo klass, List<Unit> units) {
			this.klass = klass;
			this.units = units;
			this.days = klass.grade() <= 4 ? 5 : 6;
			this.slots = klass.grade() <= 4 ? 5 : SLOTS;
			this.last = new int[days + 1];
			for (int d = 0; d <= days; d++) {
				subjects.add(new HashMap<>());
			}
		}
	}

	/**
	 * Plans the week slot by slot across all classes at once, so that the teachers several classes
	 * share (PE, music, English) are spread fairly: at each slot every class takes a lesson whose
	 * teachers are free, the subject it has had least that day first, then the busiest teacher's.
	 * A day starts at the first lesson and has no gaps; what does not fit goes to the end of the
	 * shortest days afterwards.
	 */
	static List<TimetableSetup.Entry> plan(List<ClassInfo> classes, List<Assignment> assignments, Random random) {
		Map<Long, String> rooms = rooms(assignments);
		Map<Long, List<Assignment>> byClass = new LinkedHashMap<>();
		assignments.forEach(a -> byClass.computeIfAbsent(a.classId(), k -> new ArrayList<>()).add(a));
		List<ClassWeek> weeks = new ArrayList<>();
		Map<Long, Integer> load = new HashMap<>();
		for (ClassInfo klass : classes) {
			ClassWeek w = new ClassWeek(klass, units(klass.grade(), byClass.getOrDefault(klass.id(), List.of()), random));
			w.units.forEach(u -> u.teachers().forEach(a -> load.merge(a.staffId(), 1, Integer::sum)));
			weeks.add(w);
		}
		Set<String> busy = new HashSet<>();
		List<TimetableSetup.Entry> entries = new ArrayList<>();
		for (int day = 1; day <= 6; day++) {
			for (ClassWeek w : weeks) {
				w.placed = 0;
				w.closed = day > w.days || w.units.isEmpty();
				w.target = w.closed ? 0 : (w.units.size() + (w.days - day)) / (w.days - day + 1);
			}
			for (int n = 1; n <= SLOTS; n++) {
				Collections.shuffle(weeks, random);
				for (ClassWeek w : weeks) {
					if (w.closed || w.placed >= w.target || n > w.slots) {
						continue;
					}
					int d = day;
					int slot = n;
					Map<String, Integer> today = w.subjects.get(day);
					Optional<Unit> pick = w.units.stream().filter(u -> free(busy, u, d, slot))
						.filter(u -> today.getOrDefault(u.subject(), 0) < 2)
						.min(Comparator.<Unit>comparingInt(u -> today.getOrDefault(u.subject(), 0))
							.thenComparing(u -> -u.teachers().stream().mapToInt(a -> load.getOrDefault(a.staffId(), 0)).max().orElse(0)));
					if (pick.isEmpty()) {
						w.closed = w.placed > 0;
						continue;
					}
					Unit u = pick.get();
					place(w.klass, u, day, n, rooms, busy, entries);
					u.teachers().forEach(a -> load.merge(a.staffId(), -1, Integer::sum));
					w.units.remove(u);
					today.merge(u.subject(), 1, Integer::sum);
					w.last[day] = n;
					w.placed++;
				}
			}
		}
		for (ClassWeek w : weeks) {
			for (Unit u : new ArrayList<>(w.units)) {
				for (int day : byLength(w.last)) {
					int n = w.last[day] + 1;
					if (w.last[day] > 0 && n <= w.slots && free(busy, u, day, n)
							&& w.subjects.get(day).getOrDefault(u.subject(), 0) < 2) {
						place(w.klass, u, day, n, rooms, busy, entries);
						w.subjects.get(day).merge(u.subject(), 1, Integer::sum);
						w.units.remove(u);
						w.last[day] = n;
						break;
					}
				}
			}
		}
		return entries;
	}

	private static void place(ClassInfo klass, Unit u, int day, int n, Map<Long, String> rooms, Set<String> busy,
			List<TimetableSetup.Entry> entries) {
		for (Assignment a : u.teachers()) {
			busy.add(a.staffId() + "/" + day + "/" + n);
			entries.add(new TimetableSetup.Entry(klass.institutionId(), klass.academicYearId(), klass.id(), a.groupId(),
					day, 1, n, u.subjectId(), a.staffId(), rooms.get(a.staffId())));
		}
	}

	/** The days (1..) from the one with the fewest lessons. */
	private static List<Integer> byLength(int[] last) {
		List<Integer> days = new ArrayList<>();
		for (int d = 1; d < last.length; d++) {
			days.add(d);
		}
		days.sort(Comparator.comparingInt(d -> last[d]));
		return days;
	}

	private static boolean free(Set<String> busy, Unit u, int day, int n) {
		return u.teachers().stream().noneMatch(a -> busy.contains(a.staffId() + "/" + day + "/" + n));
	}

	/** The class's weekly lessons: each subject's base hours, then the core subjects up to the grade's total. */
	static List<Unit> units(int grade, List<Assignment> assignments, Random random) {
		Map<String, Unit> bySubject = new LinkedHashMap<>();
		Map<String, List<Assignment>> teachers = new LinkedHashMap<>();
		assignments.forEach(a -> teachers.computeIfAbsent(a.subject(), k -> new ArrayList<>()).add(a));
		teachers.forEach((subject, list) -> {
			// a split subject is taught to its groups side by side; a whole-class assignment needs one teacher
			List<Assignment> groups = list.stream().filter(a -> a.groupId() != null).toList();
			bySubject.put(subject, new Unit(subject, list.get(0).subjectId(), groups.isEmpty() ? List.of(list.get(0)) : groups));
		});
		Map<String, Integer> hours = new LinkedHashMap<>();
		bySubject.keySet().forEach(s -> hours.put(s, base(s, grade)));
		List<String> core = new ArrayList<>(List.of("Русский язык", "Математика", "Алгебра", "Литература",
				"Литературное чтение", "Английский язык", PE, "Геометрия"));
		core.retainAll(bySubject.keySet());
		int total = hours.values().stream().mapToInt(Integer::intValue).sum();
		for (int i = 0; total < WEEKLY[grade - 1] && !core.isEmpty(); i++, total++) {
			hours.merge(core.get(i % core.size()), 1, Integer::sum);
		}
		List<Unit> units = new ArrayList<>();
		hours.forEach((s, h) -> {
			for (int i = 0; i < h; i++) {
				units.add(bySubject.get(s));
			}
		});
		Collections.shuffle(units, random);
		return units;
	}

	private static int base(String subject, int grade) {
		return switch (subject) {
			case "Русский язык", "Литературное чтение", "Математика" -> 4;
			case "Алгебра", "Английский язык" -> grade <= 4 ? 2 : 3;
			case PE -> grade <= 4 ? 3 : 2;
			case "Технология" -> grade >= 5 ? 2 : 1;
			case "Литература", "Геометрия", "Окружающий мир", "История", "География", "Биология", "Физика", "Химия" -> 2;
			default -> 1;
		};
	}

	/** Each teacher has a room of their own: primary teachers on the first floor, PE in the gyms. */
	static Map<Long, String> rooms(List<Assignment> assignments) {
		Map<Long, Integer> maxGrade = new LinkedHashMap<>();
		Set<Long> pe = new HashSet<>();
		for (Assignment a : assignments) {
			int grade = Integer.parseInt(a.className().replaceAll("\\D", ""));
			maxGrade.merge(a.staffId(), grade, Math::max);
			if (a.subject().equals(PE)) {
				pe.add(a.staffId());
			}
		}
		Map<Long, String> rooms = new HashMap<>();
		int primary = 101;
		int upper = 201;
		int gym = 1;
		for (Map.Entry<Long, Integer> t : maxGrade.entrySet()) {
			if (pe.contains(t.getKey())) {
				rooms.put(t.getKey(), "Спортзал " + gym++);
			}
			else if (t.getValue() <= 4) {
				rooms.put(t.getKey(), String.valueOf(primary++));
			}
			else {
				rooms.put(t.getKey(), String.valueOf(upper));
				upper = upper % 100 == 30 ? upper + 71 : upper + 1;
			}
		}
		return rooms;
	}

	// ---- changes this week, in the large school ----

	/** A substitution in 7Б by the demo teacher, a cancelled lesson and a room change in 5А. */
	private int changes(long school) {
		List<ClassInfo> classes = directory.currentClasses(school);
		ClassInfo fiveA = byName(classes, DemoAccountList.TEACHER_CLASS);
		ClassInfo sevenB = byName(classes, "7Б");
		List<Teacher> staff = directory.activeStaff(school);
		long deputy = staff.stream().filter(s -> s.position().equals("DEPUTY")).findFirst().orElse(staff.get(0)).id();
		Long demoTeacher = fiveA == null ? null : fiveA.classTeacherId();
		if (fiveA == null || sevenB == null || demoTeacher == null) {
			return 0;
		}
		LocalDate day = LocalDate.now(clock);
		day = day.isBefore(Q2_STARTS) ? Q2_STARTS : day.isAfter(Q2_ENDS) ? Q2_ENDS.minusDays(7) : day;
		LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate from = day.getDayOfWeek() == DayOfWeek.SUNDAY ? monday : day;
		int done = 0;
		// the demo teacher stands in for a colleague in 7Б, on a lesson still to come this week if there is one
		List<Lesson> seven = week(sevenB.id(), monday);
		for (Lesson l : upcomingFirst(seven, from, l -> l.teacherId() != demoTeacher && l.groupId() == null)) {
			if (timetable.substitute(school, l.id(), demoTeacher, "Учитель на курсах повышения квалификации", deputy)
				.isEmpty()) {
				done++;
				break;
			}
		}
		List<Lesson> five = week(fiveA.id(), monday);
		for (Lesson l : upcomingFirst(five, from, l -> l.teacherId() != demoTeacher)) {
			if (timetable.cancel(school, l.id(), "Учитель на больничном, замены нет", deputy).isEmpty()) {
				done++;
				break;
			}
		}
		for (Lesson l : upcomingFirst(five, from, l -> l.teacherId() == demoTeacher && !l.cancelled())) {
			if (timetable.changeRoom(school, l.id(), "Библиотека", "В кабинете меняют окна", deputy).isEmpty()) {
				done++;
				break;
			}
		}
		return done;
	}

	private List<Lesson> week(long classId, LocalDate monday) {
		return lessons.ofClass(classId, monday, monday.plusDays(5));
	}

	/** The lessons that match, those from the given day on first, then the earlier ones of the week. */
	private static List<Lesson> upcomingFirst(List<Lesson> week, LocalDate from, Predicate<Lesson> wanted) {
		List<Lesson> list = new ArrayList<>(week.stream().filter(wanted).filter(l -> !l.changed()).toList());
		list.sort(Comparator.comparing((Lesson l) -> l.date().isBefore(from)).thenComparing(Lesson::date)
			.thenComparing(Lesson::number));
		return list;
	}

	private static @Nullable ClassInfo byName(List<ClassInfo> classes, String name) {
		return classes.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
	}
}
