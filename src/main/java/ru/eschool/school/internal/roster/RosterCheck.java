package ru.eschool.school.internal.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import ru.eschool.school.PersonName;
import ru.eschool.school.internal.Classes;
import ru.eschool.school.internal.Classes.ClassName;
import ru.eschool.school.internal.Classes.SchoolClass;
import ru.eschool.school.internal.Guardians;
import ru.eschool.school.internal.Guardians.Relation;
import ru.eschool.school.internal.StaffMembers;
import ru.eschool.school.internal.StaffMembers.Position;
import ru.eschool.school.internal.Students;
import ru.eschool.school.internal.Subjects;
import ru.eschool.school.internal.Years;
import ru.eschool.school.internal.roster.Report.Issue;
import ru.eschool.school.internal.roster.Report.LineReport;
import ru.eschool.school.internal.roster.Report.Outcome;
import ru.eschool.shared.Contacts;

/**
 * Checks the lines of a roster file against each other and against the school, and plans what an
 * import adds. It reads the school in a fixed number of statements whatever the file's length,
 * and writes nothing: {@link RosterImport} applies the plan.
 */
@Component
class RosterCheck {

	static final int MAX_NAME = 80;
	static final int MAX_SUBJECT = 120;
	private static final Locale RU = Locale.forLanguageTag("ru");

	/** What to add, in order; class and subject names are created first. */
	record Plan(@Nullable Long yearId, List<ClassName> newClasses, List<String> newSubjects, List<Object> steps,
			List<RosterFile.Line> addedLines) {
	}

	record AddStudent(PersonName name, @Nullable String email, @Nullable String phone, String classKey) {
	}

	record AddGuardian(String key, PersonName name, @Nullable String email, @Nullable String phone) {
	}

	record AddLink(@Nullable Long guardianId, String guardianKey, long studentId, Relation relation) {
	}

	record AddStaff(PersonName name, Position position, @Nullable String email, @Nullable String phone,
			List<String> subjects) {
	}

	record Checked(Report report, Plan plan) {
	}

	private final Years years;
	private final Classes classes;
	private final Students students;
	private final Guardians guardians;
	private final StaffMembers staff;
	private final Subjects subjects;

	RosterCheck(Years years, Classes classes, Students students, Guardians guardians, StaffMembers staff,
			Subjects subjects) {
		this.years = years;
		this.classes = classes;
		this.students = students;
		this.guardians = guardians;
		this.staff = staff;
		this.subjects = subjects;
	}

	Checked check(long institutionId, RosterKind kind, List<RosterFile.Line> lines, boolean createClasses) {
		return switch (kind) {
			case STUDENTS -> new Students_(institutionId, lines, createClasses).run();
			case GUARDIANS -> new Guardians_(institutionId, lines).run();
			case STAFF -> new Staff_(institutionId, lines).run();
		};
	}

	/** What all three checks share: reading fields of one line and collecting its issues. */
	private abstract class Pass {

		final long institutionId;
		final RosterKind kind;
		final List<RosterFile.Line> lines;
		final List<LineReport> reports = new ArrayList<>();
		final List<Issue> fileIssues = new ArrayList<>();
		final List<Object> steps = new ArrayList<>();
		final List<RosterFile.Line> added = new ArrayList<>();
		@Nullable Long yearId;
		List<Issue> issues = new ArrayList<>();

		Pass(long institutionId, RosterKind kind, List<RosterFile.Line> lines) {
			this.institutionId = institutionId;
			this.kind = kind;
			this.lines = lines;
		}

		abstract @Nullable Outcome line(RosterFile.Line line);

		Plan plan() {
			return new Plan(yearId, List.of(), List.of(), steps, added);
		}

		List<String> newClassNames() {
			return List.of();
		}

		List<String> newSubjectNames() {
			return List.of();
		}

		Checked run() {
			for (RosterFile.Line line : lines) {
				issues = new ArrayList<>();
				Outcome outcome = line(line);
				if (issues.stream().anyMatch(Issue::error)) {
					outcome = Outcome.ERROR;
				}
				if (outcome == Outcome.ADD) {
					added.add(line);
				}
				reports.add(new LineReport(line.number(), kind.columns().stream().map(line::get).toList(),
						List.copyOf(issues), outcome == null ? Outcome.ERROR : outcome));
			}
			return new Checked(new Report(kind, reports, fileIssues, newClassNames(), newSubjectNames()), plan());
		}

		boolean ok() {
			return issues.stream().noneMatch(Issue::error);
		}

		void error(Column column, String key, Object... args) {
			issues.add(new Issue(true, column, key, args));
		}

		void warn(@Nullable Column column, String key, Object... args) {
			issues.add(new Issue(false, column, key, args));
		}

		/** A trimmed name with inner spaces collapsed; null (and an error when required) when blank. */
		@Nullable String name(RosterFile.Line line, Column column, boolean required) {
			String v = line.get(column).strip().replaceAll("\\s+", " ");
			if (v.isEmpty()) {
				if (required) {
					error(column, "roster.err.required");
				}
				return null;
			}
			if (v.length() > MAX_NAME) {
				error(column, "roster.err.tooLong", MAX_NAME);
				return null;
			}
			return v;
		}

		@Nullable PersonName person(RosterFile.Line line, Column last, Column first, @Nullable Column middle) {
			String l = name(line, last, true);
			String f = name(line, first, true);
			String m = middle == null ? null : name(line, middle, false);
			return l == null || f == null ? null : new PersonName(l, f, m);
		}

		@Nullable String email(RosterFile.Line line) {
			String v = line.get(Column.EMAIL).strip();
			if (v.isEmpty()) {
				return null;
			}
			if (!Contacts.validEmail(v)) {
				error(Column.EMAIL, "roster.err.email", v);
				return null;
			}
			return v;
		}

		@Nullable String phone(RosterFile.Line line) {
			String v = line.get(Column.PHONE).strip();
			if (v.isEmpty()) {
				return null;
			}
			Optional<String> phone = Contacts.phone(v);
			if (phone.isEmpty()) {
				error(Column.PHONE, "roster.err.phone", v);
				return null;
			}
			return phone.get();
		}

		/** The class named in the column: "5А"; null with an error when it is not a class name. */
		@Nullable String className(RosterFile.Line line, Column column) {
			String v = line.get(column).strip();
			if (v.isEmpty()) {
				error(column, "roster.err.required");
				return null;
			}
			Optional<ClassName> c = Classes.parse(v);
			if (c.isEmpty()) {
				error(column, "roster.err.className", v);
				return null;
			}
			return c.get().grade() + cyrillic(c.get().letter());
		}

		/** The current year's classes by name, or an error of the whole file when there is no current year. */
		Map<String, Long> currentClasses() {
			Map<String, Long> byName = new HashMap<>();
			years.current(institutionId).ifPresentOrElse(y -> {
				yearId = y.id();
				for (SchoolClass c : classes.ofYear(y.id())) {
					byName.put(c.name(), c.id());
				}
			}, () -> fileIssues.add(new Issue(true, null, "roster.file.noYear")));
			return byName;
		}
	}

	/**
	 * Class letters are Cyrillic; a spreadsheet often holds a Latin look-alike ("5A" typed on an
	 * English keyboard), which would silently make a second class.
	 */
	static String cyrillic(String letter) {
		StringBuilder sb = new StringBuilder(letter.length());
		for (char ch : letter.toCharArray()) {
			int i = "ABEKMHOPCTXY".indexOf(ch);
			sb.append(i < 0 ? ch : "АВЕКМНОРСТХУ".charAt(i));
		}
		return sb.toString();
	}

	/** Names compared as people compare them: case, ё/е and spacing do not matter. */
	static String key(@Nullable String... parts) {
		StringBuilder sb = new StringBuilder();
		for (String p : parts) {
			sb.append(p == null ? "" : p.strip().replaceAll("\\s+", " ").toLowerCase(RU).replace('ё', 'е')).append('|');
		}
		return sb.toString();
	}

	static String key(PersonName n) {
		return key(n.last(), n.first(), n.middle());
	}

	private final class Students_ extends Pass {

		final boolean createClasses;
		final Map<String, Long> classIds;
		final Set<String> enrolled = new HashSet<>();
		final Map<String, Integer> seen = new HashMap<>();
		final TreeSet<String> newClasses = new TreeSet<>(Students_::byGrade);

		Students_(long institutionId, List<RosterFile.Line> lines, boolean createClasses) {
			super(institutionId, RosterKind.STUDENTS, lines);
			this.createClasses = createClasses;
			this.classIds = currentClasses();
			Map<Long, String> classNames = new HashMap<>();
			classIds.forEach((name, id) -> classNames.put(id, name));
			if (yearId != null) {
				for (Students.Enrolled e : students.enrolledIn(institutionId, yearId)) {
					enrolled.add(key(e.name()) + classNames.get(e.classId()));
				}
			}
		}

		static int byGrade(String a, String b) {
			int ga = Integer.parseInt(a.replaceAll("\\D", ""));
			int gb = Integer.parseInt(b.replaceAll("\\D", ""));
			return ga != gb ? Integer.compare(ga, gb) : a.compareTo(b);
		}

		@Override
		@Nullable Outcome line(RosterFile.Line line) {
			PersonName name = person(line, Column.LAST, Column.FIRST, Column.MIDDLE);
			String cls = className(line, Column.CLASS);
			if (cls != null && yearId != null && !classIds.containsKey(cls)) {
				if (createClasses) {
					newClasses.add(cls);
				}
				else {
					error(Column.CLASS, "roster.err.classMissing", cls);
				}
			}
			String email = email(line);
			String phone = phone(line);
			if (!ok() || name == null || cls == null) {
				return Outcome.ERROR;
			}
			String k = key(name) + cls;
			if (enrolled.contains(k)) {
				warn(Column.LAST, "roster.warn.studentExists", name.full(), cls);
				return Outcome.SKIP;
			}
			Integer first = seen.putIfAbsent(k, line.number());
			if (first != null) {
				warn(Column.LAST, "roster.warn.repeats", String.valueOf(first));
				return Outcome.SKIP;
			}
			steps.add(new AddStudent(name, email, phone, cls));
			return Outcome.ADD;
		}

		@Override
		List<String> newClassNames() {
			return List.copyOf(newClasses);
		}

		@Override
		Plan plan() {
			List<ClassName> create = newClasses.stream()
				.map(n -> new ClassName(Integer.parseInt(n.replaceAll("\\D", "")), n.replaceAll("\\d", "")))
				.toList();
			return new Plan(yearId, create, List.of(), steps, added);
		}
	}

	private final class Guardians_ extends Pass {

		final Map<String, Long> classIds;
		final Map<String, List<Long>> studentsByName = new HashMap<>();
		final Map<String, Long> existing = new HashMap<>();
		final Set<Guardians.Link> links = new HashSet<>();
		/** Guardian key → the first line that names them and the e-mail given there. */
		final Map<String, Integer> firstLine = new HashMap<>();
		final Map<String, String> firstEmail = new HashMap<>();
		final Map<String, Integer> seenLinks = new HashMap<>();

		Guardians_(long institutionId, List<RosterFile.Line> lines) {
			super(institutionId, RosterKind.GUARDIANS, lines);
			this.classIds = currentClasses();
			if (yearId != null) {
				for (Students.Enrolled e : students.enrolledIn(institutionId, yearId)) {
					studentsByName.computeIfAbsent(key(e.name().last(), e.name().first()) + e.classId(),
							k -> new ArrayList<>()).add(e.id());
				}
			}
			for (Guardians.Guardian g : guardians.ofInstitution(institutionId)) {
				existing.putIfAbsent(key(g.name()) + (g.phone() == null ? "" : g.phone()), g.id());
			}
			links.addAll(guardians.linksOf(institutionId));
		}

		@Override
		@Nullable Outcome line(RosterFile.Line line) {
			PersonName name = person(line, Column.LAST, Column.FIRST, Column.MIDDLE);
			String phone = phone(line);
			String email = email(line);
			String childLast = name(line, Column.CHILD_LAST, true);
			String childFirst = name(line, Column.CHILD_FIRST, true);
			String cls = className(line, Column.CHILD_CLASS);
			Long classId = null;
			if (cls != null && yearId != null) {
				classId = classIds.get(cls);
				if (classId == null) {
					error(Column.CHILD_CLASS, "roster.err.classMissing", cls);
				}
			}
			Relation relation = relation(line);
			Long studentId = null;
			if (childLast != null && childFirst != null && classId != null) {
				List<Long> found = studentsByName.getOrDefault(key(childLast, childFirst) + classId, List.of());
				if (found.isEmpty()) {
					error(Column.CHILD_LAST, "roster.err.childUnknown", childLast + " " + childFirst, cls);
				}
				else if (found.size() > 1) {
					error(Column.CHILD_LAST, "roster.err.childAmbiguous", childLast + " " + childFirst, cls);
				}
				else {
					studentId = found.get(0);
				}
			}
			if (!ok() || name == null || studentId == null || relation == null) {
				return Outcome.ERROR;
			}
			String gk = key(name) + (phone == null ? "" : phone);
			Long guardianId = existing.get(gk);
			if (guardianId != null && links.contains(new Guardians.Link(guardianId, studentId))) {
				warn(Column.CHILD_LAST, "roster.warn.alreadyLinked", name.full(), childLast + " " + childFirst);
				return Outcome.SKIP;
			}
			Integer repeated = seenLinks.putIfAbsent(gk + "#" + studentId, line.number());
			if (repeated != null) {
				warn(Column.LAST, "roster.warn.repeats", String.valueOf(repeated));
				return Outcome.SKIP;
			}
			if (guardianId != null) {
				warn(Column.LAST, "roster.warn.guardianExists", name.full());
			}
			else if (!firstLine.containsKey(gk)) {
				firstLine.put(gk, line.number());
				if (email != null) {
					firstEmail.put(gk, email);
				}
				steps.add(new AddGuardian(gk, name, email, phone));
			}
			else if (email != null && firstEmail.containsKey(gk) && !firstEmail.get(gk).equalsIgnoreCase(email)) {
				warn(Column.EMAIL, "roster.warn.otherEmail", String.valueOf(firstLine.get(gk)));
			}
			steps.add(new AddLink(guardianId, gk, studentId, relation));
			return Outcome.ADD;
		}

		@Nullable Relation relation(RosterFile.Line line) {
			String v = line.get(Column.RELATION).strip();
			if (v.isEmpty()) {
				error(Column.RELATION, "roster.err.required");
				return null;
			}
			Relation r = RELATIONS.get(Column.normalise(v));
			if (r == null) {
				error(Column.RELATION, "roster.err.relation", v);
			}
			return r;
		}
	}

	static final Map<String, Relation> RELATIONS = new LinkedHashMap<>();
	static {
		for (String s : List.of("мать", "мама", "mother", "mom", "mum")) {
			RELATIONS.put(s, Relation.MOTHER);
		}
		for (String s : List.of("отец", "папа", "father", "dad")) {
			RELATIONS.put(s, Relation.FATHER);
		}
		for (String s : List.of("опекун", "попечитель", "законныйпредставитель", "guardian", "legalguardian")) {
			RELATIONS.put(s, Relation.GUARDIAN);
		}
		for (String s : List.of("другое", "другой", "другая", "иное", "бабушка", "дедушка", "other")) {
			RELATIONS.put(s, Relation.OTHER);
		}
	}

	static final Map<String, Position> POSITIONS = new LinkedHashMap<>();
	static {
		for (String s : List.of("директор", "director", "headteacher", "principal")) {
			POSITIONS.put(s, Position.DIRECTOR);
		}
		for (String s : List.of("заместительдиректора", "заместитель", "замдиректора", "завуч", "deputy",
				"deputydirector", "deputyhead")) {
			POSITIONS.put(s, Position.DEPUTY);
		}
		for (String s : List.of("учитель", "преподаватель", "педагог", "teacher")) {
			POSITIONS.put(s, Position.TEACHER);
		}
		for (String s : List.of("тьютор", "tutor")) {
			POSITIONS.put(s, Position.TUTOR);
		}
		for (String s : List.of("психолог", "педагогпсихолог", "psychologist")) {
			POSITIONS.put(s, Position.PSYCHOLOGIST);
		}
		for (String s : List.of("библиотекарь", "педагогбиблиотекарь", "librarian")) {
			POSITIONS.put(s, Position.LIBRARIAN);
		}
		for (String s : List.of("другое", "другая", "прочее", "other")) {
			POSITIONS.put(s, Position.OTHER);
		}
	}

	static @Nullable Position position(String typed) {
		String n = Column.normalise(typed);
		Position p = POSITIONS.get(n);
		if (p == null && (n.startsWith("учитель") || n.startsWith("преподаватель"))) {
			p = Position.TEACHER;
		}
		if (p == null && n.startsWith("заместител")) {
			p = Position.DEPUTY;
		}
		return p;
	}

	private final class Staff_ extends Pass {

		final Set<String> existing = new HashSet<>();
		final Map<String, String> knownSubjects = new HashMap<>();
		final Map<String, String> newSubjects = new LinkedHashMap<>();
		final Map<String, Integer> seen = new HashMap<>();

		Staff_(long institutionId, List<RosterFile.Line> lines) {
			super(institutionId, RosterKind.STAFF, lines);
			for (StaffMembers.Staff s : staff.activeOf(institutionId)) {
				existing.add(key(s.name()));
			}
			for (Subjects.Subject s : subjects.of(institutionId)) {
				knownSubjects.put(key(s.name()), s.name());
			}
		}

		@Override
		@Nullable Outcome line(RosterFile.Line line) {
			PersonName name = person(line, Column.LAST, Column.FIRST, Column.MIDDLE);
			Position position = null;
			String typed = line.get(Column.POSITION).strip();
			if (typed.isEmpty()) {
				error(Column.POSITION, "roster.err.required");
			}
			else {
				position = position(typed);
				if (position == null) {
					error(Column.POSITION, "roster.err.position", typed);
				}
			}
			String email = email(line);
			String phone = phone(line);
			List<String> subjectNames = new ArrayList<>();
			Set<String> lineSubjects = new HashSet<>();
			for (String s : line.get(Column.SUBJECTS).split("[,;]")) {
				String subject = s.strip().replaceAll("\\s+", " ");
				if (subject.isEmpty() || !lineSubjects.add(key(subject))) {
					continue;
				}
				if (subject.length() > MAX_SUBJECT) {
					error(Column.SUBJECTS, "roster.err.tooLong", MAX_SUBJECT);
					continue;
				}
				subjectNames.add(knownSubjects.getOrDefault(key(subject), subject));
			}
			if (!ok() || name == null || position == null) {
				return Outcome.ERROR;
			}
			String k = key(name);
			if (existing.contains(k)) {
				warn(Column.LAST, "roster.warn.staffExists", name.full());
				return Outcome.SKIP;
			}
			Integer first = seen.putIfAbsent(k, line.number());
			if (first != null) {
				warn(Column.LAST, "roster.warn.repeats", String.valueOf(first));
				return Outcome.SKIP;
			}
			List<String> resolved = new ArrayList<>();
			for (String subject : subjectNames) {
				String sk = key(subject);
				if (!knownSubjects.containsKey(sk)) {
					newSubjects.putIfAbsent(sk, subject);
				}
				resolved.add(knownSubjects.containsKey(sk) ? knownSubjects.get(sk) : newSubjects.get(sk));
			}
			steps.add(new AddStaff(name, position, email, phone, resolved));
			return Outcome.ADD;
		}

		@Override
		List<String> newSubjectNames() {
			return List.copyOf(newSubjects.values());
		}

		@Override
		Plan plan() {
			return new Plan(null, List.of(), List.copyOf(newSubjects.values()), steps, added);
		}
	}
}
