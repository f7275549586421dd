package ru.eschool.gradebook.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.gradebook.AbsenceRecorded;
import ru.eschool.gradebook.Attendance;
import ru.eschool.gradebook.Grading;
import ru.eschool.gradebook.Grading.Counted;
import ru.eschool.gradebook.Grading.PassFailMark;
import ru.eschool.gradebook.MarkChanged;
import ru.eschool.gradebook.MarkPosted;
import ru.eschool.gradebook.MarkValue;
import ru.eschool.gradebook.PeriodMarkSet;
import ru.eschool.gradebook.internal.CellContexts.CellContext;
import ru.eschool.gradebook.internal.Cells.Cell;
import ru.eschool.gradebook.internal.Cells.Key;
import ru.eschool.gradebook.internal.Cells.Mark;
import ru.eschool.gradebook.internal.GradingRules.Rules;
import ru.eschool.gradebook.internal.LessonNotes.LessonNote;
import ru.eschool.gradebook.internal.PeriodMarks.PeriodMark;
import ru.eschool.gradebook.internal.WorkTypes.WorkType;
import ru.eschool.school.SchoolNames;
import ru.eschool.school.StudyCalendar;
import ru.eschool.school.StudyCalendar.StudyPeriod;
import ru.eschool.school.Teaching;
import ru.eschool.school.Teaching.ClassSubject;
import ru.eschool.school.Teaching.Pupil;
import ru.eschool.school.Teaching.PupilOnDay;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.timetable.Lesson;
import ru.eschool.timetable.Lessons;

/**
 * The teacher's journal: who may see and edit which journal, the grid of a study period, and the
 * edits of a cell, a lesson's topic and a period mark. A teacher assigned to the class and subject
 * (or the group) edits every lesson; the planned teacher or substitute of a lesson edits that
 * lesson; a school admin reads. Out of scope is 404; a refused edit changes nothing.
 */
@Service
public class Journal {

	/** At most this many marks in one cell. */
	static final int MAX_MARKS = 4;

	public record Column(Lesson lesson, @Nullable String topic, @Nullable String note, WorkType workType,
			boolean editable) {
	}

	public record CellView(long lessonId, long studentId, int version, String text, boolean enrolled, boolean editable,
			@Nullable String errorKey, Object[] errorArgs) {

		public CellView withError(String key, Object[] args, String typed) {
			return new CellView(lessonId, studentId, version, typed, enrolled, editable, key, args);
		}
	}

	/** A student's period mark as proposed and as set. */
	public record PeriodView(long studentId, Optional<Grading.Proposal> proposal,
			Optional<Grading.PassFailProposal> passFail, @Nullable PeriodMark mark, boolean editable) {

		public @Nullable String proposedToken() {
			if (proposal.isPresent()) {
				return MarkValue.ofNumber(proposal.get().mark()).token();
			}
			return passFail.map(p -> (p.passed() ? MarkValue.PASS : MarkValue.FAIL).token()).orElse(null);
		}
	}

	public record Row(Pupil pupil, List<CellView> cells, PeriodView period) {
	}

	public record Grid(ClassSubject subject, @Nullable Long groupId, @Nullable String groupName, List<StudyPeriod> periods,
			@Nullable StudyPeriod period, boolean closed, boolean readOnly, boolean assigned, List<Column> columns,
			List<Row> rows, List<WorkType> workTypes, Rules rules, Map<Long, String> codes) {
	}

	private final Teaching teaching;
	private final StudyCalendar calendar;
	private final Lessons lessons;
	private final Cells cells;
	private final CellContexts contexts;
	private final LessonNotes notes;
	private final WorkTypes workTypes;
	private final GradingRules rules;
	private final PeriodMarks periodMarks;
	private final PeriodClosures closures;
	private final History history;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SchoolNames names;

	Journal(SchoolNames names, Teaching teaching, StudyCalendar calendar, Lessons lessons, Cells cells,
			CellContexts contexts, LessonNotes notes, WorkTypes workTypes, GradingRules rules, PeriodMarks periodMarks,
			PeriodClosures closures, History history, ApplicationEventPublisher events, Clock clock) {
		this.names = names;
		this.teaching = teaching;
		this.calendar = calendar;
		this.lessons = lessons;
		this.cells = cells;
		this.contexts = contexts;
		this.notes = notes;
		this.workTypes = workTypes;
		this.rules = rules;
		this.periodMarks = periodMarks;
		this.closures = closures;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	// ---- reading -------------------------------------------------------------------------------

	/** The grid of a study period (today's by default); a constant number of statements. */
	public Grid grid(Actor actor, long classId, long subjectId, @Nullable Long groupId, @Nullable Long periodId) {
		actor.require(Role.TEACHER, Role.SCHOOL_ADMIN);
		long inst = actor.institutionId();
		ClassSubject cs = teaching.classSubject(inst, classId, subjectId).orElseThrow(NotFound::new);
		String groupName = groupId == null ? null : teaching.groupName(classId, groupId).orElseThrow(NotFound::new);
		boolean teacher = actor.is(Role.TEACHER);
		boolean assigned = teacher && assigned(actor, classId, subjectId, groupId);
		List<StudyPeriod> periods = calendar.periodsOfClass(classId);
		StudyPeriod period = choose(periods, periodId);
		List<Lesson> shown = period == null ? List.of()
				: lessons.ofSubject(classId, subjectId, period.startsOn(), period.endsOn()).stream()
					.filter(l -> groupId == null || l.groupId() == null || groupId.equals(l.groupId())).toList();
		if (teacher && !assigned && shown.stream().noneMatch(l -> teaches(actor, l))) {
			throw new NotFound();
		}
		Rules rule = rules.of(inst);
		List<WorkType> types = workTypes.of(inst);
		if (period == null) {
			return new Grid(cs, groupId, groupName, periods, null, false, !teacher, assigned, List.of(), List.of(), types, rule,
					WorkTypes.codes(types));
		}
		boolean closed = closures.closed(period.id());
		List<Long> ids = shown.stream().map(Lesson::id).toList();
		Map<Long, LessonNote> noteOf = notes.of(ids);
		Map<Key, Cell> cellOf = cells.ofLessons(ids);
		Map<Long, PeriodMark> marksOf = periodMarks.of(classId, subjectId, period.id());
		Map<Long, WorkType> typeById = types.stream().collect(Collectors.toMap(WorkType::id, t -> t));
		Map<Long, String> codes = WorkTypes.codes(types);
		List<Column> columns = new ArrayList<>();
		for (Lesson l : shown) {
			LessonNote n = noteOf.get(l.id());
			WorkType type = n != null && n.workTypeId() != null ? typeById.getOrDefault(n.workTypeId(), types.get(0)) : types.get(0);
			boolean editable = teacher && !closed && !l.cancelled() && (assigned || teaches(actor, l));
			columns.add(new Column(l, n == null ? null : n.topic(), n == null ? null : n.note(), type, editable));
		}
		List<Row> rows = new ArrayList<>();
		for (Pupil p : pupils(classId, groupId, period)) {
			List<CellView> row = new ArrayList<>(columns.size());
			List<Counted> counted = new ArrayList<>();
			List<PassFailMark> passFail = new ArrayList<>();
			for (Column c : columns) {
				Cell cell = cellOf.get(new Key(c.lesson().id(), p.id()));
				boolean enrolled = inLesson(p, c.lesson());
				row.add(new CellView(c.lesson().id(), p.id(), cell == null ? 0 : cell.version(),
						text(cell, c.workType().id(), codes), enrolled,
						enrolled && c.editable(), null, new Object[0]));
				if (cell != null && !c.lesson().cancelled()) {
					for (Mark m : cell.marks()) {
						int weight = typeById.containsKey(m.workTypeId()) ? typeById.get(m.workTypeId()).weight() : 1;
						if (m.value().passFail()) {
							passFail.add(new PassFailMark(m.value() == MarkValue.PASS, weight));
						}
						else {
							counted.add(new Counted(m.value().number(), weight));
						}
					}
				}
			}
			PeriodView pv = cs.passFail()
					? new PeriodView(p.id(), Optional.empty(), Grading.proposePassFail(passFail), marksOf.get(p.id()),
							assigned && !closed)
					: new PeriodView(p.id(), Grading.propose(counted, rule.rounding()), Optional.empty(), marksOf.get(p.id()),
							assigned && !closed);
			rows.add(new Row(p, row, pv));
		}
		return new Grid(cs, groupId, groupName, periods, period, closed, !teacher, assigned, columns, rows, types, rule, codes);
	}

	private @Nullable StudyPeriod choose(List<StudyPeriod> periods, @Nullable Long periodId) {
		return StudyCalendar.choose(periods, periodId, LocalDate.now(clock));
	}

	private List<Pupil> pupils(long classId, @Nullable Long groupId, StudyPeriod period) {
		return teaching.pupils(classId, period.startsOn(), period.endsOn()).stream()
			.filter(p -> groupId == null || p.groups().contains(groupId)).toList();
	}

	static boolean inLesson(Pupil p, Lesson l) {
		return p.enrolledOn(l.date()) && (l.groupId() == null || p.groups().contains(l.groupId()));
	}

	static boolean teaches(Actor actor, Lesson l) {
		return l.teacherId() == actor.personId() || Objects.equals(l.substituteId(), actor.personId());
	}

	private boolean assigned(Actor actor, long classId, long subjectId, @Nullable Long groupId) {
		return teaching.assignmentsOf(actor.institutionId(), actor.personId()).stream()
			.anyMatch(a -> a.classId() == classId && a.subjectId() == subjectId
					&& (a.groupId() == null || a.groupId().equals(groupId)));
	}

	/**
	 * What a cell shows and the teacher edits: its marks in order, each followed by its type's code
	 * when the type is not the column's ("5 4к"), then the attendance letter.
	 */
	static String text(@Nullable Cell cell, long columnTypeId, Map<Long, String> codes) {
		if (cell == null) {
			return "";
		}
		StringBuilder sb = new StringBuilder();
		for (Mark m : cell.marks()) {
			sb.append(sb.isEmpty() ? "" : " ").append(m.value().token());
			if (m.workTypeId() != columnTypeId) {
				sb.append(codes.getOrDefault(m.workTypeId(), ""));
			}
		}
		if (cell.attendance() != null) {
			sb.append(sb.isEmpty() ? "" : " ").append(cell.attendance().letter());
		}
		return sb.toString();
	}

	/**
	 * A journal a teacher opens only as a substitute: the class, subject (and group) of lessons they
	 * substitute in a study period of the current year, with the dates. Not the teacher's own
	 * assignments, which the list shows anyway.
	 */
	public record Substitution(long classId, String className, long subjectId, String subjectName,
			@Nullable Long groupId, @Nullable String groupName, StudyPeriod period, List<LocalDate> dates) {
	}

	/** The journals the teacher substitutes in this year, by class, subject, group and period (five statements). */
	public List<Substitution> substitutions(Actor actor) {
		actor.require(Role.TEACHER);
		long inst = actor.institutionId();
		Map<Long, List<StudyPeriod>> periodsOf = calendar.periodsOfClasses(inst);
		LocalDate from = null;
		LocalDate to = null;
		for (List<StudyPeriod> list : periodsOf.values()) {
			for (StudyPeriod p : list) {
				from = from == null || p.startsOn().isBefore(from) ? p.startsOn() : from;
				to = to == null || p.endsOn().isAfter(to) ? p.endsOn() : to;
			}
		}
		if (from == null) {
			return List.of();
		}
		Set<String> own = teaching.assignmentsOf(inst, actor.personId()).stream()
			.map(a -> a.classId() + "/" + a.subjectId() + "/" + a.groupId()).collect(Collectors.toSet());
		Map<String, List<Lesson>> byJournal = new java.util.LinkedHashMap<>();
		Map<String, StudyPeriod> periodOf = new HashMap<>();
		for (Lesson l : lessons.ofTeacher(actor.personId(), from, to)) {
			if (l.institutionId() != inst || !Objects.equals(l.substituteId(), actor.personId()) || l.cancelled()
					|| own.contains(l.classId() + "/" + l.subjectId() + "/" + l.groupId())
					|| own.contains(l.classId() + "/" + l.subjectId() + "/null")) {
				continue;
			}
			StudyPeriod period = periodsOf.getOrDefault(l.classId(), List.of()).stream().filter(p -> p.contains(l.date()))
				.findFirst().orElse(null);
			if (period == null) {
				continue;
			}
			String key = l.classId() + "/" + l.subjectId() + "/" + l.groupId() + "/" + period.id();
			byJournal.computeIfAbsent(key, k -> new ArrayList<>()).add(l);
			periodOf.put(key, period);
		}
		if (byJournal.isEmpty()) {
			return List.of();
		}
		Set<Long> classIds = new java.util.HashSet<>();
		Set<Long> subjectIds = new java.util.HashSet<>();
		Set<Long> groupIds = new java.util.HashSet<>();
		byJournal.values().forEach(list -> {
			classIds.add(list.get(0).classId());
			subjectIds.add(list.get(0).subjectId());
			if (list.get(0).groupId() != null) {
				groupIds.add(list.get(0).groupId());
			}
		});
		Map<Long, String> classNames = names.classes(classIds);
		Map<Long, String> subjectNames = names.subjects(subjectIds);
		Map<Long, String> groupNames = names.groups(groupIds);
		List<Substitution> result = new ArrayList<>();
		byJournal.forEach((key, list) -> {
			Lesson l = list.get(0);
			result.add(new Substitution(l.classId(), classNames.getOrDefault(l.classId(), ""), l.subjectId(),
					subjectNames.getOrDefault(l.subjectId(), ""), l.groupId(),
					l.groupId() == null ? null : groupNames.get(l.groupId()), periodOf.get(key),
					list.stream().map(Lesson::date).distinct().toList()));
		});
		return result;
	}

	// ---- editing a cell ------------------------------------------------------------------------

	/** What was typed in a cell, parsed: marks in order and at most one attendance letter. */
	record Entry(List<Typed> marks, @Nullable Attendance attendance) {
	}

	/** A typed mark and the type of work named by a code after it (null: the column's type). */
	record Typed(MarkValue value, @Nullable Long workTypeId) {
	}

	/**
	 * Parses a cell: marks (1–5, or зч/нз/+/-), each optionally followed by a type-of-work code
	 * ("5к", "+д"), and at most one attendance letter.
	 */
	static Entry parse(String typed, boolean passFail, boolean allowOne, Map<Long, String> codes) {
		List<Typed> marks = new ArrayList<>();
		Attendance attendance = null;
		for (String token : typed.strip().split("[\\s,;/]+")) {
			if (token.isEmpty()) {
				continue;
			}
			Optional<Attendance> a = Attendance.ofToken(token);
			if (a.isPresent()) {
				if (attendance != null) {
					throw new Refusal("gradebook.refused.attendanceTwice");
				}
				attendance = a.get();
				continue;
			}
			Long type = null;
			Optional<MarkValue> plain = MarkValue.ofToken(token);
			String valuePart = token;
			if (plain.isEmpty() && token.length() > 1 && "12345+-".indexOf(token.charAt(0)) >= 0) {
				String code = token.substring(1).toLowerCase(java.util.Locale.ROOT);
				type = codes.entrySet().stream().filter(e -> e.getValue().equals(code)).map(Map.Entry::getKey).findFirst()
					.orElseThrow(() -> new Refusal("gradebook.refused.workType", token, code));
				valuePart = token.substring(0, 1);
			}
			MarkValue v = MarkValue.ofToken(valuePart).orElseThrow(() -> new Refusal("gradebook.refused.token", token));
			if (passFail != v.passFail() || (v == MarkValue.ONE && !allowOne)) {
				throw new Refusal(passFail ? "gradebook.refused.passFailOnly" : allowOne ? "gradebook.refused.oneToFive"
						: "gradebook.refused.twoToFive", token);
			}
			marks.add(new Typed(v, type));
		}
		if (marks.size() > MAX_MARKS) {
			throw new Refusal("gradebook.refused.tooMany", MAX_MARKS);
		}
		return new Entry(marks, attendance);
	}

	/** The lesson, if the actor (a teacher) may edit it; otherwise 404 (403 for other roles). */
	private EditTarget target(Actor actor, long lessonId) {
		Lesson lesson = lessonOf(actor, lessonId);
		ClassSubject cs = teaching.classSubject(actor.institutionId(), lesson.classId(), lesson.subjectId())
			.orElseThrow(NotFound::new);
		return allowed(actor, new EditTarget(lesson, cs));
	}

	/** The lesson of the actor's (a teacher's) school; otherwise 404 (403 for other roles). */
	private Lesson lessonOf(Actor actor, long lessonId) {
		actor.require(Role.TEACHER);
		return lessons.find(lessonId).filter(l -> l.institutionId() == actor.institutionId()).orElseThrow(NotFound::new);
	}

	/** The target, if the actor teaches the lesson or is assigned to its class and subject; otherwise 404. */
	private EditTarget allowed(Actor actor, EditTarget t) {
		Lesson lesson = t.lesson();
		if (!teaches(actor, lesson) && !assigned(actor, lesson.classId(), lesson.subjectId(), lesson.groupId())) {
			throw new NotFound();
		}
		return t;
	}

	record EditTarget(Lesson lesson, ClassSubject subject) {
	}

	/**
	 * Saves what was typed in a cell, if the teacher saw its current version: marks added,
	 * changed or removed (each with a history row and an event) and the attendance letter.
	 * Returns the cell as it now is.
	 */
	@Transactional
	public CellView saveCell(Actor actor, long lessonId, long studentId, int seenVersion, String typed,
			@Nullable String reason) {
		Lesson lesson = lessonOf(actor, lessonId);
		PupilOnDay place = teaching.pupilOnDay(actor.institutionId(), lesson.classId(), lesson.subjectId(), studentId,
				lesson.date()).orElseThrow(NotFound::new);
		EditTarget t = allowed(actor, new EditTarget(lesson, place.subject()));
		Pupil pupil = Optional.ofNullable(place.pupil()).filter(p -> inLesson(p, lesson))
			.orElseThrow(() -> new Refusal("gradebook.refused.notInClass"));
		if (lesson.cancelled()) {
			throw new Refusal("gradebook.refused.cancelled");
		}
		Long periodId = place.period() == null ? null : place.period().id();
		CellContext context = contexts.of(actor.institutionId(), lessonId, studentId, periodId);
		if (context.closed()) {
			throw new Refusal("gradebook.refused.closed");
		}
		List<WorkType> types = typesOf(actor, context);
		Map<Long, String> codes = WorkTypes.codes(types);
		Entry entry = parse(typed, t.subject().passFail(), context.rules().allowOne(), codes);
		Optional<Cell> existing = Optional.ofNullable(context.cell());
		int current = existing.map(Cell::version).orElse(0);
		if (current != seenVersion) {
			throw new Refusal("gradebook.refused.stale");
		}
		Instant now = clock.instant();
		long account = actor.accountId();
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		long cellId;
		Attendance before = existing.map(Cell::attendance).orElse(null);
		if (existing.isEmpty()) {
			if (entry.marks().isEmpty() && entry.attendance() == null) {
				return view(lesson, pupil, null, 0, codes);
			}
			try {
				cellId = cells.create(actor.institutionId(), lessonId, studentId, entry.attendance());
			}
			catch (DuplicateKeyException e) {
				throw new Refusal("gradebook.refused.stale");
			}
		}
		else {
			cellId = existing.get().id();
			if (!cells.update(cellId, seenVersion, entry.attendance())) {
				throw new Refusal("gradebook.refused.stale");
			}
		}
		WorkType column = columnType(types, context);
		List<Mark> old = existing.map(Cell::marks).orElse(List.of());
		List<Mark> saved = new ArrayList<>();
		for (int i = 0; i < Math.max(old.size(), entry.marks().size()); i++) {
			Mark was = i < old.size() ? old.get(i) : null;
			Typed typedMark = i < entry.marks().size() ? entry.marks().get(i) : null;
			MarkValue now_ = typedMark == null ? null : typedMark.value();
			WorkType type = typedMark == null || typedMark.workTypeId() == null ? column
					: types.stream().filter(w -> w.id() == typedMark.workTypeId()).findFirst().orElse(column);
			if (was == null) {
				long id = cells.insertMark(cellId, lessonId, studentId, i + 1, now_, type.id(), account, now);
				history.lessonMark(id, lessonId, studentId, null, now_.code(), why, account, now);
				events.publishEvent(new MarkPosted(id, actor.institutionId(), lessonId, studentId, lesson.subjectId(),
						lesson.date(), now_.code(), type.id(), type.weight()));
				saved.add(new Mark(id, i + 1, now_, type.id()));
			}
			else if (now_ == null) {
				cells.deleteMark(was.id());
				history.lessonMark(was.id(), lessonId, studentId, was.value().code(), null, why, account, now);
				events.publishEvent(new MarkChanged(was.id(), actor.institutionId(), lessonId, studentId, lesson.subjectId(),
						lesson.date(), was.value().code(), null));
			}
			else {
				if (was.value() != now_) {
					cells.updateMark(was.id(), now_, type.id());
					history.lessonMark(was.id(), lessonId, studentId, was.value().code(), now_.code(), why, account, now);
					events.publishEvent(new MarkChanged(was.id(), actor.institutionId(), lessonId, studentId,
							lesson.subjectId(), lesson.date(), was.value().code(), now_.code()));
				}
				else if (was.workTypeId() != type.id()) {
					// the same mark, another type of work (so another weight): kept in the history too
					cells.updateMark(was.id(), now_, type.id());
					history.lessonMark(was.id(), lessonId, studentId, was.value().code(), now_.code(), why, account, now);
				}
				saved.add(new Mark(was.id(), i + 1, now_, type.id()));
			}
		}
		if (entry.attendance() != null && entry.attendance() != before) {
			events.publishEvent(new AbsenceRecorded(actor.institutionId(), lessonId, studentId, lesson.subjectId(),
					lesson.date(), entry.attendance()));
		}
		// the cell as written: its version moved by one from the one the teacher saw (the update above checked it)
		Cell written = new Cell(cellId, lessonId, studentId, entry.attendance(), current + 1, saved);
		return view(lesson, pupil, written, column.id(), codes);
	}

	/** The cell as it is now, for a refused edit: the current value and the message. */
	public CellView current(Actor actor, long lessonId, long studentId) {
		EditTarget t = target(actor, lessonId);
		Pupil pupil = teaching.pupil(t.lesson().classId(), studentId, t.lesson().date(), t.lesson().date()).orElse(null);
		boolean editable = pupil != null && inLesson(pupil, t.lesson()) && !t.lesson().cancelled();
		CellContext context = contexts.of(actor.institutionId(), lessonId, studentId, null);
		List<WorkType> types = typesOf(actor, context);
		Cell cell = context.cell();
		return new CellView(lessonId, studentId, cell == null ? 0 : cell.version(),
				text(cell, columnType(types, context).id(), WorkTypes.codes(types)), editable, editable, null, new Object[0]);
	}

	/** The school's types of work as the context read them; a school without any gets the defaults. */
	private List<WorkType> typesOf(Actor actor, CellContext context) {
		return context.types().isEmpty() ? workTypes.of(actor.institutionId()) : context.types();
	}

	/** The type of work of the lesson's column: the one its topic row names, else the first. */
	private static WorkType columnType(List<WorkType> types, CellContext context) {
		return types.stream().filter(w -> Objects.equals(context.columnTypeId(), w.id())).findFirst().orElse(types.get(0));
	}

	private static CellView view(Lesson lesson, Pupil pupil, @Nullable Cell cell, long columnTypeId,
			Map<Long, String> codes) {
		return new CellView(lesson.id(), pupil.id(), cell == null ? 0 : cell.version(), text(cell, columnTypeId, codes),
				true, true, null, new Object[0]);
	}

	private void checkOpen(long classId, LocalDate day) {
		Optional<StudyPeriod> period = calendar.periodOn(classId, day);
		if (period.isPresent() && closures.closed(period.get().id())) {
			throw new Refusal("gradebook.refused.closed");
		}
	}

	// ---- topic and column type -----------------------------------------------------------------

	@Transactional
	public void saveLesson(Actor actor, long lessonId, @Nullable String topic, @Nullable String note,
			@Nullable Long workTypeId) {
		EditTarget t = target(actor, lessonId);
		checkOpen(t.lesson().classId(), t.lesson().date());
		if (workTypeId != null && workTypes.of(actor.institutionId()).stream().noneMatch(w -> w.id() == workTypeId)) {
			throw new NotFound();
		}
		notes.save(actor.institutionId(), new LessonNote(lessonId, blankToNull(topic), blankToNull(note), workTypeId),
				actor.accountId(), clock.instant());
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	// ---- period marks --------------------------------------------------------------------------

	/**
	 * Sets a student's period mark: confirming the proposal, or overriding it with a reason. Only a
	 * teacher assigned to the journal may; the period must be open; the version must be current.
	 */
	@Transactional
	public PeriodView setPeriodMark(Actor actor, long classId, long subjectId, @Nullable Long groupId, long periodId,
			long studentId, int seenVersion, String typed, @Nullable String reason) {
		actor.require(Role.TEACHER);
		Grid grid = grid(actor, classId, subjectId, groupId, periodId);
		if (!grid.assigned()) {
			throw new NotFound();
		}
		Row row = grid.rows().stream().filter(r -> r.pupil().id() == studentId).findFirst()
			.orElseThrow(() -> new Refusal("gradebook.refused.notInClass"));
		if (grid.closed()) {
			throw new Refusal("gradebook.refused.closed");
		}
		MarkValue value = MarkValue.ofToken(typed).orElseThrow(() -> new Refusal("gradebook.refused.token", typed.strip()));
		boolean passFail = grid.subject().passFail();
		if (passFail != value.passFail() || (value == MarkValue.ONE && !grid.rules().allowOne())) {
			throw new Refusal(passFail ? "gradebook.refused.passFailOnly" : grid.rules().allowOne()
					? "gradebook.refused.oneToFive" : "gradebook.refused.twoToFive", typed.strip());
		}
		String proposed = row.period().proposedToken() == null ? null
				: MarkValue.ofToken(row.period().proposedToken()).orElseThrow().code();
		String why = blankToNull(reason);
		if (!value.code().equals(proposed) && why == null) {
			throw new Refusal("gradebook.refused.reasonNeeded");
		}
		PeriodMark existing = row.period().mark();
		int current = existing == null ? 0 : existing.version();
		if (current != seenVersion) {
			throw new Refusal("gradebook.refused.stale");
		}
		Instant now = clock.instant();
		long id;
		if (existing == null) {
			try {
				id = periodMarks.create(actor.institutionId(), classId, subjectId, studentId, periodId, value, proposed, why,
						actor.accountId(), now);
			}
			catch (DuplicateKeyException e) {
				throw new Refusal("gradebook.refused.stale");
			}
		}
		else {
			id = existing.id();
			if (!periodMarks.update(id, seenVersion, value, proposed, why, actor.accountId(), now)) {
				throw new Refusal("gradebook.refused.stale");
			}
		}
		history.periodMark(id, periodId, studentId, existing == null ? null : existing.value().code(), value.code(), why,
				actor.accountId(), now);
		events.publishEvent(new PeriodMarkSet(id, actor.institutionId(), classId, subjectId, studentId, periodId,
				value.code(), proposed, why));
		return new PeriodView(studentId, row.period().proposal(), row.period().passFail(),
				periodMarks.find(subjectId, studentId, periodId).orElse(null), true);
	}

	// ---- closing periods -----------------------------------------------------------------------

	public List<StudyPeriod> periodsOf(Actor admin) {
		return calendar.periodsOfCurrentYear(admin.require(Role.SCHOOL_ADMIN).institutionId());
	}

	public Set<Long> closedOf(List<StudyPeriod> periods) {
		return closures.closedAmong(periods.stream().map(StudyPeriod::id).toList());
	}

	@Transactional
	public void close(Actor admin, long periodId, boolean close) {
		long inst = admin.require(Role.SCHOOL_ADMIN).institutionId();
		if (periodsOf(admin).stream().noneMatch(p -> p.id() == periodId)) {
			throw new NotFound();
		}
		if (close) {
			closures.close(inst, periodId, admin.accountId(), clock.instant());
		}
		else {
			closures.reopen(inst, periodId);
		}
	}

	/** Lets the grid page know the weight of each type by id (for column headers). */
	public static Map<Long, WorkType> byId(List<WorkType> types) {
		Map<Long, WorkType> map = new HashMap<>();
		types.forEach(t -> map.put(t.id(), t));
		return map;
	}
}
