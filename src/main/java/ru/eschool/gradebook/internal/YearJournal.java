package ru.eschool.gradebook.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.gradebook.Grading;
import ru.eschool.gradebook.Grading.PassFailProposal;
import ru.eschool.gradebook.Grading.Proposal;
import ru.eschool.gradebook.MarkValue;
import ru.eschool.gradebook.YearMarkSet;
import ru.eschool.gradebook.YearMarkSet.Kind;
import ru.eschool.gradebook.internal.GradingRules.Rules;
import ru.eschool.gradebook.internal.YearMarks.YearMark;
import ru.eschool.school.StudyCalendar;
import ru.eschool.school.StudyCalendar.StudyPeriod;
import ru.eschool.school.Teaching;
import ru.eschool.school.Teaching.ClassSubject;
import ru.eschool.school.Teaching.Pupil;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.Formats;

/**
 * The year view of a journal: each student's period marks, the annual mark (годовая) proposed from
 * them and set by the teacher, and in the grades where subjects end (9 and 11) the final mark
 * (итоговая) proposed from the annual one. Like a period mark: confirmed, or overridden with a
 * reason; the version guards it; every change is kept in the history; refused once the year is
 * closed (its last study period closed). The assigned teacher edits, the school admin reads,
 * anyone else gets 404. A constant number of statements.
 * <p>
 * A student who moved to another class during the year gets the year's marks in the class they end
 * the year in: there their period marks from the old class count (a period mark is one per
 * student, subject and period, whichever class set it); in the old class their row stays, read
 * only, marked with the day they left.
 */
@Service
public class YearJournal {

	/** Grades whose subjects end with a final mark (the end of basic and of secondary school). */
	static final List<Integer> FINAL_GRADES = List.of(9, 11);

	/** An annual or final mark as proposed (with how it was computed) and as set. */
	public record YearView(long studentId, Kind kind, @Nullable MarkValue proposed, String explainKey,
			Object[] explainArgs, @Nullable YearMark mark, boolean editable) {
	}

	/**
	 * A student's row: the period marks in period order (null: none set), the annual and final
	 * marks; {@code leftOn} is the day a student who left the class before the year's end left it.
	 */
	public record YearRow(Pupil pupil, List<@Nullable MarkValue> periodMarks, YearView annual, @Nullable YearView fin,
			@Nullable LocalDate leftOn) {
	}

	public record YearGrid(ClassSubject subject, @Nullable Long groupId, @Nullable String groupName,
			List<StudyPeriod> periods, boolean closed, boolean readOnly, boolean assigned, boolean withFinal,
			List<YearRow> rows) {
	}

	private final Teaching teaching;
	private final StudyCalendar calendar;
	private final GradingRules rules;
	private final PeriodMarks periodMarks;
	private final YearMarks yearMarks;
	private final PeriodClosures closures;
	private final History history;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	YearJournal(Teaching teaching, StudyCalendar calendar, GradingRules rules, PeriodMarks periodMarks,
			YearMarks yearMarks, PeriodClosures closures, History history, ApplicationEventPublisher events, Clock clock) {
		this.teaching = teaching;
		this.calendar = calendar;
		this.rules = rules;
		this.periodMarks = periodMarks;
		this.yearMarks = yearMarks;
		this.closures = closures;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	/** Whether a class of this grade gives final marks. */
	public static boolean givesFinal(int grade) {
		return FINAL_GRADES.contains(grade);
	}

	/** The year of a journal: the assigned teacher or the school admin; otherwise 404. */
	public YearGrid grid(Actor actor, long classId, long subjectId, @Nullable Long groupId) {
		actor.require(Role.TEACHER, Role.SCHOOL_ADMIN);
		long inst = actor.institutionId();
		ClassSubject cs = teaching.classSubject(inst, classId, subjectId).orElseThrow(NotFound::new);
		String groupName = groupId == null ? null : teaching.groupName(classId, groupId).orElseThrow(NotFound::new);
		boolean teacher = actor.is(Role.TEACHER);
		boolean assigned = teacher && teaching.assignmentsOf(inst, actor.personId()).stream()
			.anyMatch(a -> a.classId() == classId && a.subjectId() == subjectId
					&& (a.groupId() == null || a.groupId().equals(groupId)));
		if (teacher && !assigned) {
			throw new NotFound();
		}
		List<StudyPeriod> periods = calendar.periodsOfClass(classId);
		boolean withFinal = givesFinal(cs.grade());
		if (periods.isEmpty()) {
			return new YearGrid(cs, groupId, groupName, periods, false, !teacher, assigned, withFinal, List.of());
		}
		StudyPeriod last = periods.get(periods.size() - 1);
		boolean closed = closures.closed(last.id());
		Rules rule = rules.of(inst);
		List<Pupil> pupils = teaching.pupils(classId, periods.get(0).startsOn(), last.endsOn()).stream()
			.filter(p -> groupId == null || p.groups().contains(groupId))
			.toList();
		Map<Long, Map<Long, MarkValue>> byPeriod = periodMarks.ofStudents(subjectId,
				periods.stream().map(StudyPeriod::id).toList(), pupils.stream().map(Pupil::id).toList());
		Map<Long, Map<Kind, YearMark>> set = yearMarks.of(classId, subjectId);
		List<YearRow> rows = new ArrayList<>();
		for (Pupil p : pupils) {
			Map<Long, MarkValue> own = byPeriod.getOrDefault(p.id(), Map.of());
			// not in the class on the year's last day: the class they moved to gives the year's marks,
			// and this row keeps only the periods that ended while they were here
			LocalDate left = p.enrolledOn(last.endsOn()) ? null : p.leftOn();
			List<MarkValue> marks = new ArrayList<>();
			periods.forEach(period -> marks.add(left == null || period.endsOn().isBefore(left) ? own.get(period.id()) : null));
			boolean editable = assigned && !closed && left == null;
			Map<Kind, YearMark> mine = set.getOrDefault(p.id(), new EnumMap<>(Kind.class));
			YearView annual = annual(p.id(), marks, cs.passFail(), rule, mine.get(Kind.ANNUAL), editable);
			YearView fin = withFinal ? fin(p.id(), mine.get(Kind.ANNUAL), mine.get(Kind.FINAL), editable) : null;
			rows.add(new YearRow(p, marks, annual, fin, left));
		}
		return new YearGrid(cs, groupId, groupName, periods, closed, !teacher, assigned, withFinal, rows);
	}

	static YearView annual(long studentId, List<@Nullable MarkValue> marks, boolean passFail, Rules rule,
			@Nullable YearMark mark, boolean editable) {
		int total = marks.size();
		if (passFail) {
			List<Boolean> results = marks.stream().filter(m -> m != null && m.passFail()).map(m -> m == MarkValue.PASS)
				.toList();
			Optional<PassFailProposal> p = Grading.proposeAnnualPassFail(results);
			if (p.isEmpty()) {
				return new YearView(studentId, Kind.ANNUAL, null, "gradebook.year.none", new Object[0], mark, editable);
			}
			return new YearView(studentId, Kind.ANNUAL, p.get().passed() ? MarkValue.PASS : MarkValue.FAIL,
					"gradebook.year.explainPassFail", new Object[] { p.get().passes(), p.get().fails(), total }, mark,
					editable);
		}
		List<Integer> graded = marks.stream().filter(m -> m != null && !m.passFail()).map(MarkValue::number).toList();
		Optional<Proposal> p = Grading.proposeAnnual(graded, rule.rounding());
		if (p.isEmpty()) {
			return new YearView(studentId, Kind.ANNUAL, null, "gradebook.year.none", new Object[0], mark, editable);
		}
		Proposal q = p.get();
		return new YearView(studentId, Kind.ANNUAL, MarkValue.ofNumber(q.mark()), "gradebook.year.explain",
				new Object[] { graded.size(), total, q.weightedSum(), q.average(),
						q.threshold() == null ? "—" : q.threshold() },
				mark, editable);
	}

	static YearView fin(long studentId, @Nullable YearMark annual, @Nullable YearMark mark, boolean editable) {
		Optional<MarkValue> p = Grading.proposeFinal(annual == null ? null : annual.value());
		return p.isEmpty()
				? new YearView(studentId, Kind.FINAL, null, "gradebook.year.noneFinal", new Object[0], mark, editable)
				: new YearView(studentId, Kind.FINAL, p.get(), "gradebook.year.explainFinal",
						new Object[] { p.get().token() }, mark, editable);
	}

	/**
	 * Sets a student's annual or final mark: confirming the proposal, or another allowed mark with a
	 * reason. Refused (nothing written) for a student not in the class or group, a closed year, a
	 * final mark outside grades 9 and 11, a mark outside the allowed set, a missing reason, a stale version.
	 */
	@Transactional
	public YearView set(Actor actor, long classId, long subjectId, @Nullable Long groupId, Kind kind, long studentId,
			int seenVersion, String typed, @Nullable String reason) {
		actor.require(Role.TEACHER);
		YearGrid grid = grid(actor, classId, subjectId, groupId);
		YearRow row = grid.rows().stream().filter(r -> r.pupil().id() == studentId).findFirst()
			.orElseThrow(() -> new Refusal("gradebook.refused.notInClass"));
		if (grid.closed()) {
			throw new Refusal("gradebook.refused.yearClosed");
		}
		if (row.leftOn() != null) {
			throw new Refusal("gradebook.refused.leftBeforeYearEnd", Formats.date(row.leftOn()));
		}
		YearView view = kind == Kind.ANNUAL ? row.annual() : row.fin();
		if (view == null) {
			throw new Refusal("gradebook.refused.noFinal");
		}
		String token = typed.strip();
		MarkValue value = MarkValue.ofToken(token).orElseThrow(() -> new Refusal("gradebook.refused.token", token));
		Rules rule = rules.of(actor.institutionId());
		boolean passFail = grid.subject().passFail();
		if (passFail != value.passFail() || (value == MarkValue.ONE && !rule.allowOne())) {
			throw new Refusal(passFail ? "gradebook.refused.passFailOnly"
					: rule.allowOne() ? "gradebook.refused.oneToFive" : "gradebook.refused.twoToFive", token);
		}
		String proposed = view.proposed() == null ? null : view.proposed().code();
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (why != null && why.length() > 300) {
			throw new Refusal("gradebook.refused.reasonTooLong", 300);
		}
		if (!value.code().equals(proposed) && why == null) {
			throw new Refusal("gradebook.refused.reasonNeeded");
		}
		YearMark existing = view.mark();
		if ((existing == null ? 0 : existing.version()) != seenVersion) {
			throw new Refusal("gradebook.refused.stale");
		}
		Instant now = clock.instant();
		long id;
		if (existing == null) {
			try {
				id = yearMarks.create(actor.institutionId(), classId, subjectId, studentId, kind, value, proposed, why,
						actor.accountId(), now);
			}
			catch (DuplicateKeyException e) {
				throw new Refusal("gradebook.refused.stale");
			}
		}
		else {
			id = existing.id();
			if (!yearMarks.update(id, seenVersion, value, proposed, why, actor.accountId(), now)) {
				throw new Refusal("gradebook.refused.stale");
			}
		}
		history.yearMark(id, kind.name(), studentId, existing == null ? null : existing.value().code(), value.code(), why,
				actor.accountId(), now);
		events.publishEvent(new YearMarkSet(id, actor.institutionId(), classId, subjectId, studentId, kind, value.code(),
				proposed, why));
		YearMark saved = new YearMark(id, studentId, subjectId, kind, value, proposed, why,
				existing == null ? 1 : existing.version() + 1);
		return new YearView(studentId, kind, view.proposed(), view.explainKey(), view.explainArgs(), saved, true);
	}
}
