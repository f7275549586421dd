package ru.eschool.demo;

import static ru.eschool.demo.DemoNames.Gender.FEMALE;
import static ru.eschool.demo.DemoNames.Gender.MALE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.eschool.demo.DemoNames.Gender;
import ru.eschool.demo.DemoNames.MaleName;
import ru.eschool.identity.AccountProvisioning;
import ru.eschool.identity.AccountProvisioning.Grant;
import ru.eschool.school.PersonName;
import ru.eschool.school.RegionSetup;
import ru.eschool.school.RegionSetup.Holiday;
import ru.eschool.school.RegionSetup.Scheme;
import ru.eschool.school.RegionSetup.StudyPeriod;
import ru.eschool.shared.Role;

/**
 * Loads the demo region at start-up, in one transaction, unless it is already there (then a
 * restart costs one query). Everything is generated from a fixed seed, so every fresh start
 * builds the same schools, people and demo accounts.
 */
@Component
@Profile("demo")
@Order(10)
class DemoRegion implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRegion.class);

	static final long SEED = 20260901L;
	static final String YEAR = "2026/2027";
	static final LocalDate YEAR_STARTS = LocalDate.of(2026, 9, 1);
	static final LocalDate YEAR_ENDS = LocalDate.of(2027, 5, 31);

	record SchoolSpec(String municipality, String name, String shortName, int students) {
	}

	/** The first is the large school the demo accounts belong to. */
	static final List<SchoolSpec> SCHOOLS = List.of(
			new SchoolSpec("Владивосток", "МБОУ «Средняя общеобразовательная школа № 12» г. Владивостока",
					DemoAccountList.SCHOOL, 430),
			new SchoolSpec("Владивосток", "МБОУ «Гимназия № 2» г. Владивостока", "Гимназия № 2", 240),
			new SchoolSpec("Уссурийск", "МБОУ «Средняя общеобразовательная школа № 4» г. Уссурийска", "Школа № 4",
					140),
			new SchoolSpec("Находка", "МАОУ «Средняя общеобразовательная школа № 7» г. Находки", "Школа № 7", 110),
			new SchoolSpec("Артём", "МБОУ «Средняя общеобразовательная школа № 3» г. Артёма", "Школа № 3", 80));

	static final List<String> MUNICIPALITIES = List.of("Владивосток", "Уссурийск", "Находка", "Артём");

	/** Pupils per grade 1..11, relative: more in primary school, fewer in the senior grades. */
	private static final double[] GRADE_WEIGHT = { 1.3, 1.3, 1.2, 1.2, 1.1, 1.0, 1.0, 1.0, 0.9, 0.6, 0.6 };
	private static final int MAX_CLASS = 24;
	private static final String LETTERS = "АБВГ";

	/** Subject → the grades it is taught in (a simplified federal curriculum). */
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
		CURRICULUM.put("Английский язык", new int[] { 2, 11 });
		CURRICULUM.put("Музыка", new int[] { 1, 8 });
		CURRICULUM.put("ИЗО", new int[] { 1, 7 });
		CURRICULUM.put("Технология", new int[] { 1, 8 });
		CURRICULUM.put("Физическая культура", new int[] { 1, 11 });
		CURRICULUM.put("ОБЗР", new int[] { 8, 11 });
	}

	static boolean taught(String subject, int grade) {
		int[] range = CURRICULUM.get(subject);
		return grade >= range[0] && grade <= range[1];
	}

	/** What a teacher teaches, in which grades, and how many classes (or groups) one teacher takes. */
	enum Specialty {
		PRIMARY(1, 4, 1, 0.95, "Русский язык", "Литературное чтение", "Математика", "Окружающий мир", "ИЗО",
				"Технология"),
		MATH(5, 11, 5, 0.85, "Математика", "Алгебра", "Геометрия"),
		RUSSIAN(5, 11, 5, 0.95, "Русский язык", "Литература"),
		ENGLISH(2, 11, 10, 0.9, "Английский язык"),
		HISTORY(5, 11, 8, 0.7, "История", "Обществознание"),
		BIOLOGY(5, 11, 16, 0.85, "Биология"),
		GEOGRAPHY(5, 11, 16, 0.75, "География"),
		PHYSICS(7, 11, 12, 0.6, "Физика"),
		CHEMISTRY(8, 11, 16, 0.8, "Химия"),
		INFORMATICS(7, 11, 16, 0.5, "Информатика"),
		PE(1, 11, 14, 0.4, "Физическая культура"),
		ART(5, 7, 24, 0.9, "ИЗО"),
		MUSIC(1, 8, 24, 0.85, "Музыка"),
		TECHNOLOGY(5, 8, 24, 0.6, "Технология"),
		SAFETY(8, 11, 24, 0.2, "ОБЗР");

		final int from;
		final int to;
		final int load;
		final double femaleShare;
		final List<String> subjects;

		Specialty(int from, int to, int load, double femaleShare, String... subjects) {
			this.from = from;
			this.to = to;
			this.load = load;
			this.femaleShare = femaleShare;
			this.subjects = List.of(subjects);
		}

		boolean covers(int grade) {
			return grade >= from && grade <= to && subjects.stream().anyMatch(s -> taught(s, grade));
		}
	}

	record ClassPlan(int grade, String letter, int size, boolean split) {

		String name() {
			return grade + letter;
		}
	}

	record StaffPlan(PersonName name, String position, String masculineSurname) {
	}

	/** group 0 is the whole class; 1 and 2 are its two English groups. */
	record Teaching(int staff, String subject, int klass, int group) {
	}

	record StudentPlan(PersonName name, int klass) {
	}

	record GuardianPlan(PersonName name, @Nullable String phone) {
	}

	record LinkPlan(int guardian, int student, String relation) {
	}

	/** One school, planned in memory before a single row is written; indexes point into the lists. */
	static final class SchoolPlan {

		final List<ClassPlan> classes = new ArrayList<>();
		final List<StaffPlan> staff = new ArrayList<>();
		final Map<Specialty, List<Integer>> teachers = new LinkedHashMap<>();
		final List<Teaching> teachings = new ArrayList<>();
		final Map<Integer, Integer> classTeacher = new HashMap<>();
		final List<StudentPlan> students = new ArrayList<>();
		final List<Integer> studentGroup = new ArrayList<>();
		final List<GuardianPlan> guardians = new ArrayList<>();
		final List<LinkPlan> links = new ArrayList<>();
		int deputy;
		/** Demo people (large school only): staff, guardian and student indexes. */
		int englishTeacherGuardian = -1;
		int parent = -1;
		int student = -1;

		int classIndex(String name) {
			for (int i = 0; i < classes.size(); i++) {
				if (classes.get(i).name().equals(name)) {
					return i;
				}
			}
			throw new IllegalStateException("no class " + name);
		}

		int englishTeacher() {
			return teachers.get(Specialty.ENGLISH).get(0);
		}
	}

	/** What the demo accounts are bound to. */
	record Loaded(long institution, long deputy, long classTeacher, long englishTeacher,
			long englishTeacherAsGuardian, long parent, long student, PersonName[] names) {
	}

	private final RegionSetup setup;
	private final AccountProvisioning provisioning;
	private final TransactionTemplate tx;

	DemoRegion(RegionSetup setup, AccountProvisioning provisioning, TransactionTemplate tx) {
		this.setup = setup;
		this.provisioning = provisioning;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		load();
	}

	/** Loads the region unless it is there; true when it loaded it now. */
	boolean load() {
		if (provisioning.exists(DemoAccountList.REGION)) {
			log.info("Demo region already loaded");
			return false;
		}
		long start = System.nanoTime();
		int[] counts = tx.execute(status -> write());
		log.info("Demo region loaded in {} ms: {} schools, {} students, {} guardians, {} staff",
				(System.nanoTime() - start) / 1_000_000, SCHOOLS.size(), counts[0], counts[1], counts[2]);
		return true;
	}

	private int[] write() {
		Random random = new Random(SEED);
		Map<String, Long> municipalities = new HashMap<>();
		for (String name : MUNICIPALITIES) {
			municipalities.put(name, setup.municipality(name).orElseGet(() -> setup.createMunicipality(name)));
		}
		int[] counts = new int[3];
		Loaded demo = null;
		for (int i = 0; i < SCHOOLS.size(); i++) {
			SchoolSpec spec = SCHOOLS.get(i);
			SchoolPlan plan = plan(spec, random, i == 0);
			Loaded loaded = insert(spec, plan, municipalities.get(spec.municipality()));
			if (i == 0) {
				demo = loaded;
			}
			counts[0] += plan.students.size();
			counts[1] += plan.guardians.size();
			counts[2] += plan.staff.size();
		}
		provisionAccounts(demo);
		return counts;
	}

	// ---- planning ----

	static SchoolPlan plan(SchoolSpec spec, Random random, boolean withDemoPeople) {
		SchoolPlan p = new SchoolPlan();
		planClasses(spec.students(), p);
		planStaff(random, p, withDemoPeople);
		planStudents(random, p, withDemoPeople);
		return p;
	}

	private static void planClasses(int students, SchoolPlan p) {
		double total = 0;
		for (double w : GRADE_WEIGHT) {
			total += w;
		}
		int[] perGrade = new int[11];
		int sum = 0;
		for (int g = 0; g < 11; g++) {
			perGrade[g] = (int) Math.round(students * GRADE_WEIGHT[g] / total);
			sum += perGrade[g];
		}
		perGrade[0] += students - sum;
		for (int g = 0; g < 11; g++) {
			int letters = Math.max(1, (perGrade[g] + MAX_CLASS - 1) / MAX_CLASS);
			for (int l = 0; l < letters; l++) {
				int size = perGrade[g] / letters + (l < perGrade[g] % letters ? 1 : 0);
				int grade = g + 1;
				p.classes.add(new ClassPlan(grade, String.valueOf(LETTERS.charAt(l)), size, grade >= 2 && size >= 20));
			}
		}
	}

	private static int addStaff(Random random, SchoolPlan p, String position, Gender gender) {
		String surname = DemoNames.pick(random, DemoNames.SURNAMES);
		p.staff.add(new StaffPlan(DemoNames.adult(random, surname, gender), position, surname));
		return p.staff.size() - 1;
	}

	private static void planStaff(Random random, SchoolPlan p, boolean withDemoPeople) {
		addStaff(random, p, "DIRECTOR", DemoNames.gender(random, 0.7));
		p.deputy = addStaff(random, p, "DEPUTY", DemoNames.gender(random, 0.9));
		addStaff(random, p, "DEPUTY", DemoNames.gender(random, 0.9));
		if (p.classes.size() > 15) {
			addStaff(random, p, "PSYCHOLOGIST", FEMALE);
			addStaff(random, p, "LIBRARIAN", FEMALE);
		}
		for (Specialty s : Specialty.values()) {
			List<int[]> units = new ArrayList<>();
			for (int c = 0; c < p.classes.size(); c++) {
				ClassPlan k = p.classes.get(c);
				if (!s.covers(k.grade())) {
					continue;
				}
				if (s == Specialty.ENGLISH && k.split()) {
					units.add(new int[] { c, 1 });
					units.add(new int[] { c, 2 });
				}
				else {
					units.add(new int[] { c, 0 });
				}
			}
			int n = s == Specialty.PRIMARY ? units.size() : Math.max(1, (units.size() + s.load - 1) / s.load);
			if (s == Specialty.ENGLISH && units.stream().anyMatch(u -> u[1] > 0)) {
				n = Math.max(n, 2);
			}
			List<Integer> ids = new ArrayList<>();
			for (int t = 0; t < n; t++) {
				// the first English teacher of the large school is the demo mother who teaches
				Gender gender = withDemoPeople && s == Specialty.ENGLISH && t == 0 ? FEMALE
						: DemoNames.gender(random, s.femaleShare);
				ids.add(addStaff(random, p, "TEACHER", gender));
			}
			p.teachers.put(s, ids);
			for (int u = 0; u < units.size(); u++) {
				// groups alternate between teachers; other subjects give a teacher neighbouring classes
				int teacher = s == Specialty.ENGLISH ? ids.get(u % n) : ids.get(u * n / units.size());
				int[] unit = units.get(u);
				for (String subject : s.subjects) {
					if (taught(subject, p.classes.get(unit[0]).grade())) {
						p.teachings.add(new Teaching(teacher, subject, unit[0], unit[1]));
					}
				}
				if (s == Specialty.PRIMARY) {
					p.classTeacher.put(unit[0], teacher);
				}
			}
		}
		// class teachers of grades 5-11: one subject teacher each, mathematicians first
		List<Integer> candidates = new ArrayList<>();
		List<Specialty> order = List.of(Specialty.MATH, Specialty.RUSSIAN, Specialty.ENGLISH, Specialty.HISTORY,
				Specialty.BIOLOGY, Specialty.GEOGRAPHY, Specialty.PHYSICS, Specialty.CHEMISTRY,
				Specialty.INFORMATICS, Specialty.PE, Specialty.ART, Specialty.MUSIC, Specialty.TECHNOLOGY,
				Specialty.SAFETY);
		for (int round = 0; round < 10; round++) {
			for (Specialty s : order) {
				List<Integer> ids = p.teachers.get(s);
				if (round < ids.size()) {
					candidates.add(ids.get(round));
				}
			}
		}
		int next = 0;
		for (int c = 0; c < p.classes.size(); c++) {
			if (!p.classTeacher.containsKey(c)) {
				p.classTeacher.put(c, candidates.get(next++ % candidates.size()));
			}
		}
	}

	/** Students come in families: most alone, some with a brother or sister in another class. */
	private static void planStudents(Random random, SchoolPlan p, boolean withDemoPeople) {
		List<Integer> seats = new ArrayList<>();
		for (int c = 0; c < p.classes.size(); c++) {
			for (int i = 0; i < p.classes.get(c).size(); i++) {
				seats.add(c);
			}
		}
		Collections.shuffle(seats, random);
		if (withDemoPeople) {
			// the English teacher's child in 3Б
			StaffPlan teacher = p.staff.get(p.englishTeacher());
			seats.remove(Integer.valueOf(p.classIndex("3Б")));
			MaleName husband = DemoNames.pick(random, DemoNames.MEN);
			int child = addStudent(p, DemoNames.child(random, teacher.masculineSurname(), husband,
					DemoNames.gender(random, 0.5)), p.classIndex("3Б"));
			p.guardians.add(new GuardianPlan(teacher.name(), phone(random)));
			p.englishTeacherGuardian = p.guardians.size() - 1;
			p.links.add(new LinkPlan(p.englishTeacherGuardian, child, "MOTHER"));
			// a mother with two children, in 2А and 7Б; the one in 7Б is the demo student
			seats.remove(Integer.valueOf(p.classIndex("2А")));
			seats.remove(Integer.valueOf(p.classIndex("7Б")));
			int[] kids = family(random, p, List.of(p.classIndex("7Б"), p.classIndex("2А")), true);
			p.student = kids[0];
			p.parent = kids[2];
		}
		while (!seats.isEmpty()) {
			List<Integer> classes = new ArrayList<>();
			classes.add(seats.remove(seats.size() - 1));
			if (random.nextDouble() < 0.1) {
				for (int i = seats.size() - 1; i >= Math.max(0, seats.size() - 20); i--) {
					if (!seats.get(i).equals(classes.get(0))) {
						classes.add(seats.remove(i));
						break;
					}
				}
			}
			family(random, p, classes, false);
		}
		// English groups: the first half of the class list is group 1, the rest group 2
		List<List<Integer>> byClass = new ArrayList<>();
		for (int c = 0; c < p.classes.size(); c++) {
			byClass.add(new ArrayList<>());
		}
		for (int s = 0; s < p.students.size(); s++) {
			byClass.get(p.students.get(s).klass()).add(s);
			p.studentGroup.add(0);
		}
		Comparator<Integer> alphabetical = Comparator.comparing(s -> p.students.get(s).name().full());
		for (int c = 0; c < p.classes.size(); c++) {
			if (p.classes.get(c).split()) {
				List<Integer> list = byClass.get(c);
				list.sort(alphabetical);
				for (int i = 0; i < list.size(); i++) {
					p.studentGroup.set(list.get(i), i < (list.size() + 1) / 2 ? 1 : 2);
				}
			}
		}
	}

	/** A family with a child in each of the classes; returns the children and the mother's index (or -1). */
	private static int[] family(Random random, SchoolPlan p, List<Integer> classes, boolean motherAlways) {
		String surname = DemoNames.pick(random, DemoNames.SURNAMES);
		MaleName father = DemoNames.pick(random, DemoNames.MEN);
		int[] result = new int[classes.size() + 1];
		for (int i = 0; i < classes.size(); i++) {
			result[i] = addStudent(p, DemoNames.child(random, surname, father, DemoNames.gender(random, 0.5)),
					classes.get(i));
		}
		double kind = random.nextDouble();
		boolean mother = motherAlways || kind < 0.93;
		boolean dad = !motherAlways && (kind < 0.62 || kind >= 0.93);
		int motherIndex = -1;
		if (mother) {
			p.guardians.add(new GuardianPlan(new PersonName(DemoNames.surname(surname, FEMALE),
					DemoNames.pick(random, DemoNames.WOMEN), DemoNames.pick(random, DemoNames.MEN).daughter()),
					phone(random)));
			motherIndex = p.guardians.size() - 1;
			for (int i = 0; i < classes.size(); i++) {
				p.links.add(new LinkPlan(motherIndex, result[i], "MOTHER"));
			}
		}
		if (dad) {
			p.guardians.add(new GuardianPlan(new PersonName(surname, father.name(),
					DemoNames.pick(random, DemoNames.MEN).son()), random.nextDouble() < 0.5 ? phone(random) : null));
			for (int i = 0; i < classes.size(); i++) {
				p.links.add(new LinkPlan(p.guardians.size() - 1, result[i], "FATHER"));
			}
		}
		result[classes.size()] = motherIndex;
		return result;
	}

	private static int addStudent(SchoolPlan p, PersonName name, int klass) {
		p.students.add(new StudentPlan(name, klass));
		return p.students.size() - 1;
	}

	/** A mobile number of a Primorye operator, stored as +7XXXXXXXXXX. */
	private static String phone(Random random) {
		String[] codes = { "914", "924", "902", "908", "984" };
		return "+7" + codes[random.nextInt(codes.length)] + String.format("%07d", random.nextInt(10_000_000));
	}

	// ---- writing ----

	private Loaded insert(SchoolSpec spec, SchoolPlan p, long municipality) {
		long school = setup.createSchool(municipality, spec.name(), spec.shortName());
		long year = setup.createCurrentYear(school, YEAR, YEAR_STARTS, YEAR_ENDS, studyPeriods(), holidays());
		List<String> subjectNames = new ArrayList<>(CURRICULUM.keySet());
		List<Long> subjectIds = setup.createSubjects(school, subjectNames);
		Map<String, Long> subjects = new HashMap<>();
		for (int i = 0; i < subjectNames.size(); i++) {
			subjects.put(subjectNames.get(i), subjectIds.get(i));
		}
		List<Long> staff = setup.createStaff(school,
				p.staff.stream().map(s -> new RegionSetup.NewStaff(s.name(), s.position())).toList());
		List<RegionSetup.NewClass> newClasses = new ArrayList<>();
		for (int c = 0; c < p.classes.size(); c++) {
			ClassPlan k = p.classes.get(c);
			newClasses.add(new RegionSetup.NewClass(k.grade(), k.letter(), staff.get(p.classTeacher.get(c))));
		}
		List<Long> classes = setup.createClasses(school, year, newClasses);
		List<RegionSetup.NewGroup> newGroups = new ArrayList<>();
		Map<Integer, Integer> firstGroup = new HashMap<>();
		for (int c = 0; c < p.classes.size(); c++) {
			if (p.classes.get(c).split()) {
				firstGroup.put(c, newGroups.size());
				newGroups.add(new RegionSetup.NewGroup(classes.get(c), "Группа 1"));
				newGroups.add(new RegionSetup.NewGroup(classes.get(c), "Группа 2"));
			}
		}
		List<Long> groups = setup.createGroups(newGroups);
		setup.assign(p.teachings.stream()
			.map(t -> new RegionSetup.Assignment(staff.get(t.staff()), subjects.get(t.subject()),
					classes.get(t.klass()), t.group() == 0 ? null : groups.get(firstGroup.get(t.klass()) + t.group() - 1)))
			.toList());
		List<Long> students = setup.createStudents(school, p.students.stream().map(StudentPlan::name).toList());
		List<RegionSetup.Enrolment> enrolments = new ArrayList<>();
		List<RegionSetup.GroupMember> members = new ArrayList<>();
		for (int s = 0; s < p.students.size(); s++) {
			int klass = p.students.get(s).klass();
			enrolments.add(new RegionSetup.Enrolment(students.get(s), classes.get(klass), YEAR_STARTS));
			int group = p.studentGroup.get(s);
			if (group > 0) {
				members.add(new RegionSetup.GroupMember(groups.get(firstGroup.get(klass) + group - 1), students.get(s)));
			}
		}
		setup.enrol(enrolments);
		setup.addToGroups(members);
		List<Long> guardians = setup.createGuardians(school,
				p.guardians.stream().map(g -> new RegionSetup.NewGuardian(g.name(), g.phone())).toList());
		setup.link(p.links.stream()
			.map(l -> new RegionSetup.Link(guardians.get(l.guardian()), students.get(l.student()), l.relation()))
			.toList());
		if (p.parent < 0) {
			return new Loaded(school, 0, 0, 0, 0, 0, 0, new PersonName[0]);
		}
		int classTeacher = p.classTeacher.get(p.classIndex(DemoAccountList.TEACHER_CLASS));
		int english = p.englishTeacher();
		return new Loaded(school, staff.get(p.deputy), staff.get(classTeacher), staff.get(english),
				guardians.get(p.englishTeacherGuardian), guardians.get(p.parent), students.get(p.student),
				new PersonName[] { p.staff.get(p.deputy).name(), p.staff.get(classTeacher).name(),
						p.staff.get(english).name(), p.guardians.get(p.parent).name(),
						p.students.get(p.student).name() });
	}

	/** Quarters for grades 1-9, half-years for 10-11. */
	static List<StudyPeriod> studyPeriods() {
		return List.of(
				new StudyPeriod(Scheme.QUARTER, 1, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 23), 1, 9),
				new StudyPeriod(Scheme.QUARTER, 2, LocalDate.of(2026, 11, 5), LocalDate.of(2026, 12, 27), 1, 9),
				new StudyPeriod(Scheme.QUARTER, 3, LocalDate.of(2027, 1, 11), LocalDate.of(2027, 3, 21), 1, 9),
				new StudyPeriod(Scheme.QUARTER, 4, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 5, 31), 1, 9),
				new StudyPeriod(Scheme.HALF_YEAR, 1, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 27), 10, 11),
				new StudyPeriod(Scheme.HALF_YEAR, 2, LocalDate.of(2027, 1, 11), LocalDate.of(2027, 5, 31), 10, 11));
	}

	static List<Holiday> holidays() {
		return List.of(new Holiday("Осенние каникулы", LocalDate.of(2026, 10, 24), LocalDate.of(2026, 11, 4)),
				new Holiday("Зимние каникулы", LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 10)),
				new Holiday("Дополнительные каникулы для первых классов", LocalDate.of(2027, 2, 15),
						LocalDate.of(2027, 2, 21), 1, 1),
				new Holiday("Весенние каникулы", LocalDate.of(2027, 3, 22), LocalDate.of(2027, 3, 31)));
	}

	private void provisionAccounts(Loaded d) {
		String hash = provisioning.hash(DemoAccountList.PASSWORD);
		long school = d.institution();
		PersonName[] n = d.names();
		provisioning.provision(DemoAccountList.REGION, hash, DemoAccountList.REGION_ADMIN_NAME,
				List.of(new Grant(Role.REGION_ADMIN, null, null)));
		provisioning.provision(DemoAccountList.SCHOOL_ADMIN, hash, n[0].full(),
				List.of(new Grant(Role.SCHOOL_ADMIN, school, d.deputy())));
		provisioning.provision(DemoAccountList.TEACHER, hash, n[1].full(),
				List.of(new Grant(Role.TEACHER, school, d.classTeacher())));
		provisioning.provision(DemoAccountList.TEACHER_PARENT, hash, n[2].full(),
				List.of(new Grant(Role.TEACHER, school, d.englishTeacher()),
						new Grant(Role.GUARDIAN, school, d.englishTeacherAsGuardian())));
		provisioning.provision(DemoAccountList.PARENT, hash, n[3].full(),
				List.of(new Grant(Role.GUARDIAN, school, d.parent())));
		provisioning.provision(DemoAccountList.STUDENT, hash, n[4].full(),
				List.of(new Grant(Role.STUDENT, school, d.student())));
	}
}
