package ru.eschool.gradebook.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.gradebook.AbsenceReasonRecorded;
import ru.eschool.gradebook.Attendance;
import ru.eschool.gradebook.Grading;
import ru.eschool.gradebook.Grading.Counted;
import ru.eschool.gradebook.Grading.PassFailMark;
import ru.eschool.gradebook.MarkValue;
import ru.eschool.gradebook.YearMarkSet.Kind;
import ru.eschool.gradebook.internal.AbsenceReasons.Source;
import ru.eschool.gradebook.internal.Cells.Cell;
import ru.eschool.gradebook.internal.Cells.Key;
import ru.eschool.gradebook.internal.Cells.Mark;
import ru.eschool.gradebook.internal.GradingRules.Rules;
import ru.eschool.gradebook.internal.WorkTypes.WorkType;
import ru.eschool.school.StudyCalendar;
import ru.eschool.school.StudyCalendar.StudyPeriod;
import ru.eschool.school.Teaching;
import ru.eschool.school.Teaching.ClassSubject;
import ru.eschool.school.Teaching.Pupil;
import ru.eschool.school.Teaching.SchoolClass;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.timetable.Lesson;
import ru.eschool.timetable.Lessons;

/**
 * The class teacher's overview of their class in the current study period: each student's
 * weighted average per subject and overall, the students at risk and why, attendance by student;
 * and the reasons for absences the class teacher records. The class teacher of the class and the
 * school's admin see it; anyone else gets 404. A constant number of statements.
 */
@Service
public class ClassOverview {

	/** An average below this (in hundredths) puts a student at risk in a subject. */
	static final int RISK_AVERAGE = 300;
	/** Missing more than this share of lessons (percent) puts a student at risk. */
	static final int RISK_ABSENCE_PERCENT = 20;
	/** The longest span one statement of absence reasons may cover, in days. */
	static final int MAX_SPAN_DAYS = 92;

	/** A class to pick from a list: id and name. */
	public record ClassLink(long id, String name) {
	}

	/** A student's result in a subject: the weighted average and proposal, or the pass/fail proposal; nulls when no marks. */
	public record SubjectResult(@Nullable BigDecimal average, @Nullable Integer proposed, @Nullable Boolean passed,
			boolean atRisk) {

		static final SubjectResult NONE = new SubjectResult(null, null, null, false);
	}

	/** Lessons the student had so far (not cancelled, up to today) and the letters among them. */
	public record Absences(int held, int n, int b, int up, int op) {

		/** Lessons missed: н, б and уп (оп, late, was there). */
		public int missed() {
			return n + b + up;
		}

		public int percent() {
			return held == 0 ? 0 : Math.round(missed() * 100f / held);
		}

		boolean tooMany() {
			return held > 0 && missed() * 100 > RISK_ABSENCE_PERCENT * held;
		}
	}

	/** Why a student is at risk: a bundle key and its arguments. */
	public record Reason(String key, Object[] args) {
	}

	public record StudentRow(Pupil pupil, List<SubjectResult> results, @Nullable BigDecimal overall, Absences absences,
			List<Reason> reasons) {

		public boolean atRisk() {
			return !reasons.isEmpty();
		}
	}

	/**
	 * {@code yearMarks}: the annual and final marks set in the class, by student, subject and kind
	 * (a class is one academic year).
	 */
	public record Overview(SchoolClass schoolClass, List<StudyPeriod> periods, @Nullable StudyPeriod period, boolean closed,
			boolean classTeacher, List<ClassSubject> subjects, List<StudentRow> rows, LocalDate today,
			Map<Long, Map<Long, Map<Kind, MarkValue>>> yearMarks) {

		/** A student's annual mark in a subject, or null. */
		public @Nullable MarkValue annual(long studentId, long subjectId) {
			return yearMarks.getOrDefault(studentId, Map.of()).getOrDefault(subjectId, Map.of()).get(Kind.ANNUAL);
		}

		/** A student's final mark in a subject, or null. */
		public @Nullable MarkValue fin(long studentId, long subjectId) {
			return yearMarks.getOrDefault(studentId, Map.of()).getOrDefault(subjectId, Map.of()).get(Kind.FINAL);
		}

		public long atRiskCount() {
			return rows.stream().filter(StudentRow::atRisk).count();
		}
	}

	private final Teaching teaching;
	private final StudyCalendar calendar;
	private final Lessons lessons;
	private final Cells cells;
	private final WorkTypes workTypes;
	private final GradingRules rules;
	private final PeriodClosures closures;
	private final History history;
	private final AbsenceReasons reasons;
	private final YearMarks yearMarks;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ClassOverview(Teaching teaching, StudyCalendar calendar, Lessons lessons, Cells cells, WorkTypes workTypes,
			GradingRules rules, PeriodClosures closures, History history, AbsenceReasons reasons, YearMarks yearMarks,
			ApplicationEventPublisher events, Clock clock) {
		this.yearMarks = yearMarks;
		this.teaching = teaching;
		this.calendar = calendar;
		this.lessons = lessons;
		this.cells = cells;
		this.workTypes = workTypes;
		this.rules = rules;
		this.closures = closures;
		this.history = history;
		this.reasons = reasons;
		this.events = events;
		this.clock = clock;
	}

	/** The class, if the actor is its class teacher or an admin of its school; 404 otherwise. */
	public SchoolClass schoolClass(Actor actor, long classId) {
		actor.require(Role.TEACHER, Role.SCHOOL_ADMIN);
		SchoolClass c = teaching.schoolClass(actor.institutionId(), classId).orElseThrow(NotFound::new);
		if (actor.is(Role.TEACHER) && (c.classTeacherId() == null || c.classTeacherId() != actor.personId())) {
			throw new NotFound();
		}
		return c;
	}

	public Overview overview(Actor actor, long classId, @Nullable Long periodId) {
		SchoolClass c = schoolClass(actor, classId);
		long inst = actor.institutionId();
		LocalDate today = LocalDate.now(clock);
		List<StudyPeriod> periods = calendar.periodsOfClass(classId);
		StudyPeriod period = periodId == null ? current(periods, today)
				: periods.stream().filter(p -> p.id() == periodId).findFirst().orElseThrow(NotFound::new);
		List<ClassSubject> subjects = teaching.subjectsOfClass(inst, classId);
		boolean classTeacher = actor.is(Role.TEACHER);
		if (period == null) {
			return new Overview(c, periods, null, false, classTeacher, subjects, List.of(), today, Map.of());
		}
		boolean closed = closures.closed(period.id());
		List<Pupil> pupils = teaching.pupils(classId, period.startsOn(), period.endsOn());
		List<Lesson> shown = lessons.ofClass(classId, period.startsOn(), period.endsOn()).stream()
			.filter(l -> !l.cancelled()).toList();
		Map<Key, Cell> cellOf = cells.ofLessons(shown.stream().map(Lesson::id).toList());
		Map<Long, Integer> weightOf = new HashMap<>();
		for (WorkType w : workTypes.of(inst)) {
			weightOf.put(w.id(), w.weight());
		}
		Rules rule = rules.of(inst);
		Map<Long, Integer> subjectIndex = new HashMap<>();
		for (int i = 0; i < subjects.size(); i++) {
			subjectIndex.put(subjects.get(i).subjectId(), i);
		}
		List<StudentRow> rows = new ArrayList<>();
		for (Pupil p : pupils) {
			List<List<Counted>> counted = new ArrayList<>();
			List<List<PassFailMark>> passFail = new ArrayList<>();
			for (int i = 0; i < subjects.size(); i++) {
				counted.add(new ArrayList<>());
				passFail.add(new ArrayList<>());
			}
			int held = 0;
			int[] letters = new int[Attendance.values().length];
			for (Lesson l : shown) {
				if (!Journal.inLesson(p, l)) {
					continue;
				}
				if (!l.date().isAfter(today)) {
					held++;
				}
				Cell cell = cellOf.get(new Key(l.id(), p.id()));
				if (cell == null) {
					continue;
				}
				if (cell.attendance() != null) {
					letters[cell.attendance().ordinal()]++;
				}
				Integer si = subjectIndex.get(l.subjectId());
				if (si == null) {
					continue;
				}
				for (Mark m : cell.marks()) {
					int weight = weightOf.getOrDefault(m.workTypeId(), 1);
					if (m.value().passFail()) {
						passFail.get(si).add(new PassFailMark(m.value() == MarkValue.PASS, weight));
					}
					else {
						counted.get(si).add(new Counted(m.value().number(), weight));
					}
				}
			}
			List<SubjectResult> results = new ArrayList<>();
			List<Reason> why = new ArrayList<>();
			BigDecimal sum = BigDecimal.ZERO;
			int averaged = 0;
			for (int i = 0; i < subjects.size(); i++) {
				ClassSubject s = subjects.get(i);
				SubjectResult r = result(counted.get(i), passFail.get(i), rule);
				results.add(r);
				if (r.average() != null) {
					sum = sum.add(r.average());
					averaged++;
					if (r.proposed() != null && r.proposed() == 2) {
						why.add(new Reason("gradebook.overview.risk.proposedTwo", new Object[] { s.subjectName(), r.average() }));
					}
					else if (r.atRisk()) {
						why.add(new Reason("gradebook.overview.risk.low", new Object[] { s.subjectName(), r.average() }));
					}
				}
				else if (r.atRisk()) {
					why.add(new Reason("gradebook.overview.risk.fail", new Object[] { s.subjectName() }));
				}
			}
			Absences absences = new Absences(held, letters[Attendance.N.ordinal()], letters[Attendance.B.ordinal()],
					letters[Attendance.UP.ordinal()], letters[Attendance.OP.ordinal()]);
			if (absences.tooMany()) {
				why.add(new Reason("gradebook.overview.risk.absences",
						new Object[] { absences.percent(), absences.missed(), absences.held() }));
			}
			BigDecimal overall = averaged == 0 ? null
					: sum.divide(BigDecimal.valueOf(averaged), 2, RoundingMode.HALF_UP);
			rows.add(new StudentRow(p, results, overall, absences, why));
		}
		// at risk first (the most reasons first), then everyone in the class list's order
		List<StudentRow> ordered = new ArrayList<>(rows);
		ordered.sort(Comparator.comparing((StudentRow r) -> !r.atRisk()).thenComparing(r -> -r.reasons().size()));
		return new Overview(c, periods, period, closed, classTeacher, subjects, ordered, today, yearMarks.ofClass(classId));
	}

	private static SubjectResult result(List<Counted> counted, List<PassFailMark> passFail, Rules rule) {
		Optional<Grading.Proposal> proposal = Grading.propose(counted, rule.rounding());
		if (proposal.isPresent()) {
			Grading.Proposal p = proposal.get();
			boolean low = p.weightedSum() * 100 < (long) RISK_AVERAGE * p.totalWeight();
			return new SubjectResult(p.average(), p.mark(), null, low || p.mark() == 2);
		}
		return Grading.proposePassFail(passFail).map(p -> new SubjectResult(null, null, p.passed(), !p.passed()))
			.orElse(SubjectResult.NONE);
	}

	/** The period that contains today, or the last one started (holidays), or the first. */
	static @Nullable StudyPeriod current(List<StudyPeriod> periods, LocalDate today) {
		StudyPeriod chosen = null;
		for (StudyPeriod p : periods) {
			if (chosen == null || !p.startsOn().isAfter(today)) {
				chosen = p;
			}
		}
		return chosen;
	}

	// ---- absence reasons -----------------------------------------------------------------------

	/**
	 * Records the reason for a student's absences over the days {@code from}–{@code to}: every н of
	 * the student's lessons there becomes {@code kind} (уп or б), each cell through its version with
	 * a history row carrying the reason; one {@link AbsenceReasonRecorded}. Only the class teacher
	 * may; another class's student is 404; a span touching a closed period is refused. Returns how
	 * many lessons changed.
	 */
	@Transactional
	public int recordReason(Actor actor, long classId, long studentId, LocalDate from, LocalDate to, Attendance kind,
			Source source, String reason) {
		actor.require(Role.TEACHER);
		SchoolClass c = schoolClass(actor, classId);
		if (kind != Attendance.UP && kind != Attendance.B) {
			throw new Refusal("gradebook.absence.error.kind");
		}
		String why = reason.strip();
		if (why.isEmpty() || why.length() > 300) {
			throw new Refusal("gradebook.absence.error.reason");
		}
		LocalDate today = LocalDate.now(clock);
		if (to.isBefore(from) || to.isAfter(today) || ChronoUnit.DAYS.between(from, to) > MAX_SPAN_DAYS) {
			throw new Refusal("gradebook.absence.error.dates", MAX_SPAN_DAYS);
		}
		Pupil pupil = teaching.pupils(classId, from, to).stream().filter(p -> p.id() == studentId).findFirst()
			.orElseThrow(NotFound::new);
		List<Lesson> theirs = lessons.ofClass(classId, from, to).stream()
			.filter(l -> !l.cancelled() && Journal.inLesson(pupil, l)).toList();
		Map<Key, Cell> cellOf = cells.ofLessons(theirs.stream().map(Lesson::id).toList());
		List<StudyPeriod> periods = calendar.periodsOfClass(classId);
		var closed = closures.closedAmong(periods.stream().map(StudyPeriod::id).toList());
		List<Lesson> changed = new ArrayList<>();
		for (Lesson l : theirs) {
			Cell cell = cellOf.get(new Key(l.id(), studentId));
			if (cell != null && cell.attendance() == Attendance.N) {
				if (periods.stream().anyMatch(p -> p.contains(l.date()) && closed.contains(p.id()))) {
					throw new Refusal("gradebook.refused.closed");
				}
				changed.add(l);
			}
		}
		if (changed.isEmpty()) {
			throw new Refusal("gradebook.absence.error.none");
		}
		var now = clock.instant();
		for (Lesson l : changed) {
			Cell cell = cellOf.get(new Key(l.id(), studentId));
			if (!cells.update(cell.id(), cell.version(), kind)) {
				throw new Refusal("gradebook.refused.stale");
			}
			history.attendance(l.id(), studentId, Attendance.N.name(), kind.name(), why, actor.accountId(), now);
		}
		reasons.add(actor.institutionId(), c.id(), studentId, from, to, kind, source, why, changed.size(),
				actor.accountId(), now);
		events.publishEvent(new AbsenceReasonRecorded(actor.institutionId(), c.id(), studentId, from, to, kind,
				changed.size(), why));
		return changed.size();
	}
}
