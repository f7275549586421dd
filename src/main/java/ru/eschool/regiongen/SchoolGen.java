package ru.eschool.regiongen;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * One school of the generated region, planned and written into a {@link Batch}: classes, staff
 * and teaching assignments, students and guardians with their accounts, the weekly timetable and
 * the dated lessons of the whole year, the journal (topics, attendance, marks with their history)
 * up to today, and homework up to two weeks ahead.
 */
final class SchoolGen {

	static final ZoneId ZONE = ZoneId.of("Asia/Vladivostok");

	/** Pupils per grade 1..11, relative: more in primary school, fewer in the senior grades. */
	private static final double[] GRADE_WEIGHT = { 1.3, 1.3, 1.2, 1.2, 1.1, 1.0, 1.0, 1.0, 0.9, 0.6, 0.6 };
	private static final int MAX_CLASS = 25;
	private static final String LETTERS = "АБВГДЕЖИК";
	/** Lessons a week by grade 1..11. */
	private static final int[] WEEKLY = { 21, 23, 23, 23, 32, 33, 35, 36, 36, 37, 37 };
	private static final String ENGLISH = "Английский язык";

	static final Map<String, int[]> CURRICULUM = new LinkedHashMap<>();
	static {
		CURRICULUM.put("Русский язык", new int[] { 1, 11 });
		CURRICULUM.put("Литературное чтение", new int[] { 1, 4 });
		CURRICULUM.put("Литература", new int[] { 5, 11 });
		CURRICULUM.put("Математика", new int[] { 1, 6 });
		CURRICULUM.put("Алгебра", new int[] { 7, 11 });
		CURRICULUM.put("Геометрия", new int[] { 7, 11 });
		CURRICULUM.put("Окружающий мир", new int[] { 1, 4 });
		CURRICULUM.put("История", new int[] { 5, 11 });
		CURRICULUM.put("Обществознание", new int[] { 6, 11 });
		CURRICULUM.put("География", new int[] { 5, 11 });
		CURRICULUM.put("Биология", new int[] { 5, 11 });
		CURRICULUM.put("Физика", new int[] { 7, 11 });
		CURRICULUM.put("Химия", new int[] { 8, 11 });
		CURRICULUM.put("Информатика", new int[] { 7, 11 });
		CURRICULUM.put(ENGLISH, new int[] { 2, 11 });
		CURRICULUM.put("Музыка", new int[] { 1, 8 });
		CURRICULUM.put("ИЗО", new int[] { 1, 7 });
		CURRICULUM.put("Технология", new int[] { 1, 8 });
		CURRICULUM.put("Физическая культура", new int[] { 1, 11 });
		CURRICULUM.put("ОБЗР", new int[] { 8, 11 });
	}
	static final List<String> SUBJECTS = List.copyOf(CURRICULUM.keySet());

	static boolean taught(String subject, int grade) {
		int[] range = CURRICULUM.get(subject);
		return grade >= range[0] && grade <= range[1];
	}

	/** What a teacher teaches, in which grades, and how many classes (or groups) one teacher takes. */
	enum Specialty {
		PRIMARY(1, 4, 1, "Русский язык", "Литературное чтение", "Математика", "Окружающий мир", "ИЗО", "Технология"),
		MATH(5, 11, 5, "Математика", "Алгебра", "Геометрия"),
		RUSSIAN(5, 11, 5, "Русский язык", "Литература"),
		ENGLISH_T(2, 11, 10, ENGLISH),
		HISTORY(5, 11, 8, "История", "Обществознание"),
		BIOLOGY(5, 11, 16, "Биология"),
		GEOGRAPHY(5, 11, 16, "География"),
		PHYSICS(7, 11, 12, "Физика"),
		CHEMISTRY(8, 11, 16, "Химия"),
		INFORMATICS(7, 11, 16, "Информатика"),
		PE(1, 11, 14, "Физическая культура"),
		ART(5, 7, 24, "ИЗО"),
		MUSIC(1, 8, 24, "Музыка"),
		TECHNOLOGY(5, 8, 24, "Технология"),
		SAFETY(8, 11, 24, "ОБЗР");

		final int from;
		final int to;
		final int load;
		final List<String> subjects;

		Specialty(int from, int to, int load, String... subjects) {
			this.from = from;
			this.to = to;
			this.load = load;
			this.subjects = List.of(subjects);
		}

		boolean covers(int grade) {
			return grade >= from && grade <= to && subjects.stream().anyMatch(s -> taught(s, grade));
		}
	}

	static final List<String> WORK_TYPES = List.of("Ответ на уроке", "Домашняя работа", "Самостоятельная работа",
			"Проверочная работа", "Диктант", "Лабораторная работа", "Контрольная работа");
	static final int[] WORK_WEIGHTS = { 1, 1, 2, 2, 2, 2, 3 };

	private static final List<String> TOPICS = List.of("Повторение изученного", "Новая тема: введение",
			"Решение задач", "Практическая работа", "Работа с текстом", "Закрепление", "Проверочная работа",
			"Обобщение и систематизация", "Работа над ошибками", "Контрольная работа");
	private static final List<String> HOMEWORK = List.of("Упражнения 3–5 на с. 42", "Прочитать параграф 12, ответить на вопросы",
			"Выучить правило, упр. 118", "Задачи № 214, 216, 219", "Подготовить пересказ текста",
			"Повторить таблицу, карточка 7", "Письменно: вопросы 1–4 после параграфа", "Выучить слова к уроку 5");

	record Klass(int grade, String letter, int size, boolean split) {
	}

	/** A weekly lesson of a class: its subject and the teachers (one, or one per English group side by side). */
	record Unit(int subject, int[] teachers, int[] groups) {
	}

	/** A dated lesson, in memory while the school is being written. */
	record LessonRec(long id, int klass, int group, int subject, int teacher, LocalDate date, int number) {
	}

	/** The school's position in the region and where its numbers start. */
	record Context(long institutionId, long municipalityId, int number, String municipality, boolean city,
			double sizeScale, long seed, LocalDate today, int startYear, String loginPrefix, String passwordHash, OffsetDateTime now,
			Ids ids, Logins logins) {
	}

	/** The next id of each table. */
	static final class Ids {

		final long[] next = new long[Table.values().length];

		long next(Table t) {
			return ++next[t.ordinal()];
		}
	}

	/** Region-wide numbers of the deterministic logins. */
	static final class Logins {
		long student;
		long guardian;
		long teacher;
		long admin;
	}

	/** Counts the generator reports. */
	long students;
	long guardians;
	long staff;

	private final Context ctx;
	private final Random random;
	private final Batch out;

	SchoolGen(Context ctx, Batch out) {
		this.ctx = ctx;
		this.random = new Random(mix(ctx.seed() * 1_000_003L + ctx.number()));
		this.out = out;
	}

	/** SplitMix64's finaliser: java.util.Random gives nearly equal first numbers for neighbouring seeds. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/** The students of the school: its own random numbers, so that the size plan is cheap to look at alone. */
	static int plannedSize(long seed, int number, boolean city, double scale) {
		return Math.max(11, (int) Math.round(size(new Random(mix(seed * 31 + number) ^ 0x5eed), city) * scale));
	}

	/** School sizes: rural schools are small (a few dozen to 400), town and city schools 300 to 1,300. */
	static int size(Random random, boolean city) {
		if (city) {
			return 300 + (int) (1000 * Math.pow(random.nextDouble(), 1.6));
		}
		return 30 + (int) (370 * Math.pow(random.nextDouble(), 1.5));
	}

	void write() {
		Ids ids = ctx.ids();
		long inst = ctx.institutionId();
		OffsetDateTime now = ctx.now();
		int y = ctx.startYear();
		int size = plannedSize(ctx.seed(), ctx.number(), ctx.city(), ctx.sizeScale());
		out.row(Table.INSTITUTION, inst, ctx.municipalityId(),
				"МБОУ «Средняя общеобразовательная школа № " + ctx.number() + "» (" + ctx.municipality() + ")",
				"Школа № " + ctx.number(), "SCHOOL", now);
		long year = ids.next(Table.ACADEMIC_YEAR);
		out.row(Table.ACADEMIC_YEAR, year, inst, y + "/" + (y + 1), LocalDate.of(y, 9, 1), LocalDate.of(y + 1, 5, 31), true);
		List<Object[]> periods = periods(y);
		for (Object[] p : periods) {
			out.row(Table.STUDY_PERIOD, ids.next(Table.STUDY_PERIOD), year, p[0], p[1], p[2], p[3], p[4], p[5]);
		}
		for (Object[] h : holidays(y)) {
			out.row(Table.HOLIDAY, ids.next(Table.HOLIDAY), year, h[0], h[1], h[2]);
		}
		long[] subjectIds = new long[SUBJECTS.size()];
		for (int s = 0; s < SUBJECTS.size(); s++) {
			subjectIds[s] = ids.next(Table.SUBJECT);
			out.row(Table.SUBJECT, subjectIds[s], inst, SUBJECTS.get(s), false);
		}

		// classes
		List<Klass> classes = classes(size);
		// staff: director, two deputies, then teachers by specialty
		List<String[]> staffNames = new ArrayList<>();
		List<String> positions = new ArrayList<>();
		for (String position : List.of("DIRECTOR", "DEPUTY", "DEPUTY")) {
			staffNames.add(Names.adult(random, random.nextDouble() < 0.8));
			positions.add(position);
		}
		// teaching: (teacher, subject, class, group 0/1/2)
		List<int[]> teachings = new ArrayList<>();
		Map<Integer, Integer> classTeacher = new HashMap<>();
		List<Integer> candidates = new ArrayList<>();
		for (Specialty sp : Specialty.values()) {
			List<int[]> units = new ArrayList<>();
			for (int c = 0; c < classes.size(); c++) {
				Klass k = classes.get(c);
				if (!sp.covers(k.grade())) {
					continue;
				}
				if (sp == Specialty.ENGLISH_T && k.split()) {
					units.add(new int[] { c, 1 });
					units.add(new int[] { c, 2 });
				}
				else {
					units.add(new int[] { c, 0 });
				}
			}
			if (units.isEmpty()) {
				continue;
			}
			int n = sp == Specialty.PRIMARY ? units.size() : Math.max(1, (units.size() + sp.load - 1) / sp.load);
			int first = staffNames.size();
			for (int t = 0; t < n; t++) {
				staffNames.add(Names.adult(random, random.nextDouble() < 0.8));
				positions.add("TEACHER");
				if (sp != Specialty.PRIMARY) {
					candidates.add(first + t);
				}
			}
			for (int u = 0; u < units.size(); u++) {
				int teacher = first + (sp == Specialty.ENGLISH_T ? u % n : u * n / units.size());
				int[] unit = units.get(u);
				for (String subject : sp.subjects) {
					if (taught(subject, classes.get(unit[0]).grade())) {
						teachings.add(new int[] { teacher, SUBJECTS.indexOf(subject), unit[0], unit[1] });
					}
				}
				if (sp == Specialty.PRIMARY) {
					classTeacher.put(unit[0], teacher);
				}
			}
		}
		int nextCandidate = 0;
		for (int c = 0; c < classes.size(); c++) {
			if (!classTeacher.containsKey(c)) {
				classTeacher.put(c, candidates.get(nextCandidate++ % candidates.size()));
			}
		}
		long[] staffIds = new long[staffNames.size()];
		long[] staffAccounts = new long[staffNames.size()];
		for (int i = 0; i < staffNames.size(); i++) {
			staffIds[i] = ids.next(Table.STAFF);
			String[] name = staffNames.get(i);
			out.row(Table.STAFF, staffIds[i], inst, name[0], name[1], name[2], positions.get(i), null, null, true);
		}
		staff += staffNames.size();
		long[] classIds = new long[classes.size()];
		long[][] groupIds = new long[classes.size()][];
		for (int c = 0; c < classes.size(); c++) {
			Klass k = classes.get(c);
			classIds[c] = ids.next(Table.CLASS);
			out.row(Table.CLASS, classIds[c], inst, year, k.grade(), k.letter(), staffIds[classTeacher.get(c)]);
		}
		for (int c = 0; c < classes.size(); c++) {
			if (classes.get(c).split()) {
				groupIds[c] = new long[] { 0, ids.next(Table.CLASS_GROUP), 0 };
				out.row(Table.CLASS_GROUP, groupIds[c][1], classIds[c], "Группа 1");
				groupIds[c][2] = ids.next(Table.CLASS_GROUP);
				out.row(Table.CLASS_GROUP, groupIds[c][2], classIds[c], "Группа 2");
			}
		}
		java.util.Set<Long> staffSubjects = new java.util.HashSet<>();
		for (int[] t : teachings) {
			out.row(Table.ASSIGNMENT, ids.next(Table.ASSIGNMENT), staffIds[t[0]], subjectIds[t[1]], classIds[t[2]],
					t[3] == 0 ? null : groupIds[t[2]][t[3]]);
			if (staffSubjects.add(t[0] * 100L + t[1])) {
				out.row(Table.STAFF_SUBJECT, staffIds[t[0]], subjectIds[t[1]]);
			}
		}

		// students, group members, guardians
		List<List<Integer>> pupils = new ArrayList<>();
		List<List<Integer>> groupPupils = new ArrayList<>();
		List<Long> studentIds = new ArrayList<>();
		List<Integer> studentLevel = new ArrayList<>();
		List<long[]> families = new ArrayList<>();
		List<Integer> familyClass = new ArrayList<>();
		LocalDate yearStarts = LocalDate.of(y, 9, 1);
		for (int c = 0; c < classes.size(); c++) {
			Klass k = classes.get(c);
			List<Integer> members = new ArrayList<>();
			for (int i = 0; i < k.size(); i++) {
				long sid = ids.next(Table.STUDENT);
				int index = studentIds.size();
				studentIds.add(sid);
				studentLevel.add(random.nextInt(10));
				members.add(index);
				boolean boy = random.nextBoolean();
				long[] family = null;
				if (random.nextDouble() < 0.1 && !families.isEmpty()) {
					int f = random.nextInt(families.size());
					if (familyClass.get(f) != c) {
						family = families.get(f);
					}
				}
				String surname;
				if (family == null) {
					surname = Names.surname(random);
					family = guardians(inst, surname);
					families.add(family);
					familyClass.add(c);
				}
				else {
					surname = Names.SURNAMES.get((int) family[0]);
				}
				String[] name = Names.child(random, surname, boy);
				out.row(Table.STUDENT, sid, inst, name[0], name[1], name[2], null, null, true);
				out.row(Table.ENROLMENT, ids.next(Table.ENROLMENT), sid, classIds[c], yearStarts, "ENROLLED");
				for (int g = 1; g < family.length; g++) {
					out.row(Table.GUARDIANSHIP, family[g] >> 1, sid, (family[g] & 1) == 0 ? "MOTHER" : "FATHER");
				}
				account(ctx.loginPrefix() + "student." + (++ctx.logins().student), name, "STUDENT", sid);
			}
			pupils.add(members);
			if (k.split()) {
				for (int i = 0; i < members.size(); i++) {
					int g = i < (members.size() + 1) / 2 ? 1 : 2;
					out.row(Table.GROUP_MEMBER, groupIds[c][g], studentIds.get(members.get(i)));
				}
			}
		}
		students += studentIds.size();
		for (int i = 0; i < staffNames.size(); i++) {
			String login = positions.get(i).equals("TEACHER") ? "teacher." + (++ctx.logins().teacher)
					: "admin." + (++ctx.logins().admin);
			staffAccounts[i] = account(ctx.loginPrefix() + login, staffNames.get(i),
					positions.get(i).equals("TEACHER") ? "TEACHER" : "SCHOOL_ADMIN", staffIds[i]);
		}

		// bells, grading settings and types of work
		LocalTime[] starts = new LocalTime[8];
		LocalTime[] ends = new LocalTime[8];
		for (int n = 1; n <= 7; n++) {
			starts[n] = LocalTime.of(8, 0).plusMinutes(55L * (n - 1));
			ends[n] = starts[n].plusMinutes(45);
			out.row(Table.BELL, ids.next(Table.BELL), inst, 1, n, starts[n], ends[n]);
		}
		out.row(Table.GRADING_SETTINGS, inst);
		long[] workTypes = new long[WORK_TYPES.size()];
		for (int i = 0; i < WORK_TYPES.size(); i++) {
			workTypes[i] = ids.next(Table.WORK_TYPE);
			out.row(Table.WORK_TYPE, workTypes[i], inst, WORK_TYPES.get(i), WORK_WEIGHTS[i], i + 1);
		}

		// weekly templates: each class's units dealt over its days, subject by subject
		Map<Integer, List<int[]>> teachersOf = new HashMap<>(); // key class*100+subject -> (teacher, group)
		for (int[] t : teachings) {
			teachersOf.computeIfAbsent(t[2] * 100 + t[1], x -> new ArrayList<>()).add(new int[] { t[0], t[3] });
		}
		// per class and weekday: entries (template id, subject, teacher, group, number); a teacher (and so
		// their room) takes one class a slot, as the template's unique indexes demand
		List<List<List<long[]>>> week = new ArrayList<>();
		Set<Long> busy = new HashSet<>();
		for (int c = 0; c < classes.size(); c++) {
			Klass k = classes.get(c);
			List<Integer> units = units(k.grade(), c, teachersOf);
			int days = k.grade() <= 4 ? 5 : 6;
			List<List<Integer>> byDay = new ArrayList<>();
			for (int d = 0; d < days; d++) {
				byDay.add(new ArrayList<>());
			}
			int offset = random.nextInt(days);
			for (int i = 0; i < units.size(); i++) {
				byDay.get((i + offset) % days).add(units.get(i));
			}
			List<List<long[]>> classWeek = new ArrayList<>();
			classWeek.add(List.of());
			for (int d = 0; d < days; d++) {
				List<Integer> pending = new ArrayList<>(byDay.get(d));
				Collections.shuffle(pending, random);
				List<long[]> entries = new ArrayList<>();
				int n = 1;
				while (!pending.isEmpty()) {
					// the first unit whose teachers are all free at this number; a unit nobody can take here is dropped
					int pick = -1;
					for (int i = 0; i < pending.size() && pick < 0; i++) {
						final int day = d;
						final int number = n;
						if (teachersFor(c, pending.get(i), k, teachersOf).stream()
							.noneMatch(tg -> busy.contains(slot(tg[0], day, number)))) {
							pick = i;
						}
					}
					if (pick < 0) {
						pending.remove(0);
						continue;
					}
					int subject = pending.remove(pick);
					for (int[] tg : teachersFor(c, subject, k, teachersOf)) {
						long entry = ids.next(Table.TEMPLATE_ENTRY);
						out.row(Table.TEMPLATE_ENTRY, entry, inst, year, classIds[c], tg[1] == 0 ? null : groupIds[c][tg[1]],
								d + 1, 1, n, subjectIds[subject], staffIds[tg[0]], room(tg[0]));
						entries.add(new long[] { entry, subject, tg[0], tg[1], n });
						busy.add(slot(tg[0], d, n));
					}
					n++;
				}
				classWeek.add(entries);
			}
			week.add(classWeek);
		}

		// dated lessons of the whole year
		List<LessonRec> lessons = new ArrayList<>();
		for (LocalDate day = yearStarts; !day.isAfter(LocalDate.of(y + 1, 5, 31)); day = day.plusDays(1)) {
			int weekday = day.getDayOfWeek().getValue();
			if (day.getDayOfWeek() == DayOfWeek.SUNDAY || holiday(y, day, false)) {
				continue;
			}
			for (int c = 0; c < classes.size(); c++) {
				List<List<long[]>> classWeek = week.get(c);
				if (weekday >= classWeek.size() || (classes.get(c).grade() == 1 && holiday(y, day, true))) {
					continue;
				}
				for (long[] e : classWeek.get(weekday)) {
					long id = ids.next(Table.LESSON);
					int n = (int) e[4];
					out.row(Table.LESSON, id, inst, classIds[c], e[3] == 0 ? null : groupIds[c][(int) e[3]],
							subjectIds[(int) e[1]], staffIds[(int) e[2]], day, 1, n, starts[n], ends[n], room((int) e[2]),
							"SCHEDULED", e[0], 0);
					lessons.add(new LessonRec(id, c, (int) e[3], (int) e[1], (int) e[2], day, n));
				}
			}
		}

		// the journal up to today: lessons per journal and period first, to aim at ~10 marks each
		Map<String, Integer> perJournal = new HashMap<>();
		for (LessonRec l : lessons) {
			perJournal.merge(journal(l, period(y, classes.get(l.klass()).grade(), l.date())), 1, Integer::sum);
		}
		Map<String, Integer> nextOf = new HashMap<>();
		Map<Long, LessonRec> nextLesson = new HashMap<>();
		for (int i = lessons.size() - 1; i >= 0; i--) {
			LessonRec l = lessons.get(i);
			String key = l.klass() + "/" + l.subject() + "/" + l.group();
			Integer next = nextOf.put(key, i);
			if (next != null) {
				nextLesson.put(l.id(), lessons.get(next));
			}
		}
		LocalDate homeworkUntil = ctx.today().plusDays(14);
		for (LessonRec l : lessons) {
			Klass k = classes.get(l.klass());
			if (l.date().isAfter(ctx.today())) {
				if (!l.date().isAfter(homeworkUntil)) {
					homework(l, k, nextLesson.get(l.id()), inst, classIds, groupIds, subjectIds, staffAccounts, now);
				}
				continue;
			}
			long teacherAccount = staffAccounts[l.teacher()];
			OffsetDateTime at = l.date().atTime(ends[l.number()]).atZone(ZONE).toOffsetDateTime()
				.withOffsetSameInstant(ZoneOffset.UTC);
			boolean control = random.nextInt(8) == 0;
			int type = control ? WORK_TYPES.size() - 1 : 0;
			out.row(Table.JOURNAL_LESSON, l.id(), inst,
					control ? TOPICS.get(TOPICS.size() - 1) : TOPICS.get(random.nextInt(TOPICS.size() - 1)),
					workTypes[type], teacherAccount, at);
			int count = perJournal.get(journal(l, period(y, k.grade(), l.date())));
			double chance = control ? 0.9 : Math.max(0.02, Math.min(0.6, (10.8 - 0.9 * count / 8.0) / (7.0 * count / 8.0)));
			List<Integer> members = pupils.get(l.klass());
			for (int i = 0; i < members.size(); i++) {
				if (l.group() != 0 && (i < (members.size() + 1) / 2 ? 1 : 2) != l.group()) {
					continue;
				}
				int s = members.get(i);
				String attendance = attendance(random);
				String mark = null;
				if (!"N".equals(attendance) && !"B".equals(attendance) && random.nextDouble() < chance) {
					mark = String.valueOf(mark(studentLevel.get(s), random));
				}
				if (attendance == null && mark == null) {
					continue;
				}
				long cell = ids.next(Table.CELL);
				long sid = studentIds.get(s);
				out.row(Table.CELL, cell, inst, l.id(), sid, attendance, 1);
				if (mark != null) {
					long markId = ids.next(Table.MARK);
					out.row(Table.MARK, markId, cell, l.id(), sid, 1, mark, workTypes[type], teacherAccount, at);
					out.row(Table.MARK_HISTORY, ids.next(Table.MARK_HISTORY), "LESSON", markId, l.id(), sid, mark,
							teacherAccount, at);
				}
			}
			homework(l, k, nextLesson.get(l.id()), inst, classIds, groupIds, subjectIds, staffAccounts, now);
		}
	}

	private void homework(LessonRec l, Klass k, @Nullable LessonRec due, long inst, long[] classIds, long[][] groupIds,
			long[] subjectIds, long[] staffAccounts, OffsetDateTime now) {
		if (k.grade() < 2 || due == null || random.nextDouble() >= 0.6) {
			return;
		}
		OffsetDateTime setAt = l.date().atTime(12, 0).atZone(ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
		out.row(Table.HOMEWORK, ctx.ids().next(Table.HOMEWORK), inst, l.id(), classIds[l.klass()],
				l.group() == 0 ? null : groupIds[l.klass()][l.group()], subjectIds[l.subject()], due.id(), due.date(),
				HOMEWORK.get(random.nextInt(HOMEWORK.size())), false, staffAccounts[l.teacher()], setAt.isAfter(now) ? now : setAt);
	}

	/** Creates a family's guardians: [surname index, (guardian id << 1 | 0 mother / 1 father)...]. */
	private long[] guardians(long inst, String surname) {
		double kind = random.nextDouble();
		boolean mother = kind < 0.95;
		boolean father = kind < 0.66 || kind >= 0.95;
		List<Long> family = new ArrayList<>();
		family.add((long) Names.SURNAMES.indexOf(surname));
		if (mother) {
			family.add(guardian(inst, Names.parent(random, surname, false)) << 1);
		}
		if (father) {
			family.add(guardian(inst, Names.parent(random, surname, true)) << 1 | 1);
		}
		return family.stream().mapToLong(Long::longValue).toArray();
	}

	private long guardian(long inst, String[] name) {
		long id = ctx.ids().next(Table.GUARDIAN);
		out.row(Table.GUARDIAN, id, inst, name[0], name[1], name[2], null, Names.phone(random));
		guardians++;
		account(ctx.loginPrefix() + "guardian." + (++ctx.logins().guardian), name, "GUARDIAN", id);
		return id;
	}

	private long account(String login, String[] name, String role, long person) {
		long account = ctx.ids().next(Table.ACCOUNT);
		out.row(Table.ACCOUNT, account, login, ctx.passwordHash(), name[0] + " " + name[1] + " " + name[2], true, ctx.now(),
				ctx.now());
		out.row(Table.ROLE_GRANT, ctx.ids().next(Table.ROLE_GRANT), account, role, ctx.institutionId(), person, ctx.now());
		return account;
	}

	/** The teachers (with their group, 0 for the whole class) who give a subject's lesson in a class. */
	private static List<int[]> teachersFor(int c, int subject, Klass k, Map<Integer, List<int[]>> teachersOf) {
		List<int[]> all = teachersOf.get(c * 100 + subject);
		if (k.split() && subject == SUBJECTS.indexOf(ENGLISH)) {
			return all.stream().filter(tg -> tg[1] != 0).toList();
		}
		return List.of(all.get(0));
	}

	private static long slot(int teacher, int day, int number) {
		return (long) teacher * 1000 + day * 20L + number;
	}

	private static String room(int teacher) {
		return String.valueOf(101 + teacher);
	}

	private static List<Klass> classes(int students) {
		double total = 0;
		for (double w : GRADE_WEIGHT) {
			total += w;
		}
		int[] perGrade = new int[11];
		int sum = 0;
		for (int g = 0; g < 11; g++) {
			perGrade[g] = Math.max(1, (int) Math.round(students * GRADE_WEIGHT[g] / total));
			sum += perGrade[g];
		}
		perGrade[0] = Math.max(1, perGrade[0] + students - sum);
		List<Klass> classes = new ArrayList<>();
		for (int g = 0; g < 11; g++) {
			int letters = Math.max(1, (perGrade[g] + MAX_CLASS - 1) / MAX_CLASS);
			for (int l = 0; l < letters; l++) {
				int size = perGrade[g] / letters + (l < perGrade[g] % letters ? 1 : 0);
				int grade = g + 1;
				classes.add(new Klass(grade, String.valueOf(LETTERS.charAt(l)), size, grade >= 2 && size >= 20));
			}
		}
		return classes;
	}

	/** The class's weekly lessons as subject indexes, sorted so that dealing them over the days spreads each subject. */
	private static List<Integer> units(int grade, int klass, Map<Integer, List<int[]>> teachersOf) {
		Map<Integer, Integer> hours = new LinkedHashMap<>();
		for (int s = 0; s < SUBJECTS.size(); s++) {
			if (teachersOf.containsKey(klass * 100 + s)) {
				hours.put(s, base(SUBJECTS.get(s), grade));
			}
		}
		List<Integer> core = new ArrayList<>();
		for (String c : List.of("Русский язык", "Математика", "Алгебра", "Литература", "Литературное чтение", ENGLISH,
				"Физическая культура", "Геометрия")) {
			if (hours.containsKey(SUBJECTS.indexOf(c))) {
				core.add(SUBJECTS.indexOf(c));
			}
		}
		int total = hours.values().stream().mapToInt(Integer::intValue).sum();
		for (int i = 0; total < WEEKLY[grade - 1] && !core.isEmpty(); i++, total++) {
			hours.merge(core.get(i % core.size()), 1, Integer::sum);
		}
		List<Integer> units = new ArrayList<>();
		hours.forEach((s, h) -> {
			for (int i = 0; i < h; i++) {
				units.add(s);
			}
		});
		return units;
	}

	private static int base(String subject, int grade) {
		return switch (subject) {
			case "Русский язык", "Литературное чтение", "Математика" -> 4;
			case "Алгебра", ENGLISH -> grade <= 4 ? 2 : 3;
			case "Физическая культура" -> grade <= 4 ? 3 : 2;
			case "Технология" -> grade >= 5 ? 2 : 1;
			case "Литература", "Геометрия", "Окружающий мир", "История", "География", "Биология", "Физика", "Химия" -> 2;
			default -> 1;
		};
	}

	/** Quarters for grades 1-9, half-years for 10-11: scheme, number, from, to, grade from, grade to. */
	static List<Object[]> periods(int y) {
		return List.of(
				new Object[] { "QUARTER", 1, LocalDate.of(y, 9, 1), LocalDate.of(y, 10, 23), 1, 9 },
				new Object[] { "QUARTER", 2, LocalDate.of(y, 11, 5), LocalDate.of(y, 12, 27), 1, 9 },
				new Object[] { "QUARTER", 3, LocalDate.of(y + 1, 1, 11), LocalDate.of(y + 1, 3, 21), 1, 9 },
				new Object[] { "QUARTER", 4, LocalDate.of(y + 1, 4, 1), LocalDate.of(y + 1, 5, 31), 1, 9 },
				new Object[] { "HALF_YEAR", 1, LocalDate.of(y, 9, 1), LocalDate.of(y, 12, 27), 10, 11 },
				new Object[] { "HALF_YEAR", 2, LocalDate.of(y + 1, 1, 11), LocalDate.of(y + 1, 5, 31), 10, 11 });
	}

	/** The period a lesson falls in, as a number (quarters 1-4, half-years 11-12). */
	private static int period(int y, int grade, LocalDate day) {
		boolean second = !day.isBefore(LocalDate.of(y + 1, 1, 1));
		if (grade >= 10) {
			return second ? 12 : 11;
		}
		if (!second) {
			return day.isBefore(LocalDate.of(y, 11, 1)) ? 1 : 2;
		}
		return day.isBefore(LocalDate.of(y + 1, 3, 26)) ? 3 : 4;
	}

	static List<Object[]> holidays(int y) {
		return List.of(new Object[] { "Осенние каникулы", LocalDate.of(y, 10, 24), LocalDate.of(y, 11, 4) },
				new Object[] { "Зимние каникулы", LocalDate.of(y, 12, 28), LocalDate.of(y + 1, 1, 10) },
				new Object[] { "Дополнительные каникулы для первых классов", LocalDate.of(y + 1, 2, 15),
						LocalDate.of(y + 1, 2, 21) },
				new Object[] { "Весенние каникулы", LocalDate.of(y + 1, 3, 22), LocalDate.of(y + 1, 3, 31) });
	}

	private static boolean holiday(int y, LocalDate day, boolean firstGrade) {
		for (Object[] h : holidays(y)) {
			boolean firstOnly = ((String) h[0]).contains("первых");
			if (firstOnly == firstGrade && !day.isBefore((LocalDate) h[1]) && !day.isAfter((LocalDate) h[2])) {
				return true;
			}
		}
		return false;
	}

	private static String journal(LessonRec l, int period) {
		return l.klass() + "/" + l.subject() + "/" + l.group() + "/" + period;
	}

	/** About 8 % absent (н, б, уп) and about 1 % late (оп). */
	private static @Nullable String attendance(Random random) {
		int r = random.nextInt(1000);
		if (r < 40) {
			return "N";
		}
		if (r < 70) {
			return "B";
		}
		if (r < 80) {
			return "UP";
		}
		if (r < 90) {
			return "OP";
		}
		return null;
	}

	/** A mark from the student's level 0-9: most get 4s and 5s, a few are weak. */
	private static int mark(int level, Random random) {
		double r = random.nextDouble();
		if (level >= 7) { // strong
			return r < 0.6 ? 5 : r < 0.95 ? 4 : 3;
		}
		if (level >= 2) {
			return r < 0.25 ? 5 : r < 0.75 ? 4 : r < 0.97 ? 3 : 2;
		}
		return r < 0.05 ? 5 : r < 0.35 ? 4 : r < 0.85 ? 3 : 2;
	}
}
