package ru.eschool.gradebook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import ru.eschool.gradebook.Grading.Counted;
import ru.eschool.gradebook.Grading.PassFailMark;
import ru.eschool.gradebook.Grading.PassFailProposal;
import ru.eschool.gradebook.Grading.Proposal;
import ru.eschool.gradebook.internal.GradingRules;
import ru.eschool.gradebook.internal.StudentMarks;
import ru.eschool.gradebook.internal.StudentMarks.Row;
import ru.eschool.gradebook.internal.YearMarks;
import ru.eschool.school.ClassMembers;
import ru.eschool.school.StudyCalendar.StudyPeriod;
import ru.eschool.timetable.Lesson;
import ru.eschool.timetable.Lessons;

/**
 * The journal's records of students, read-only, for the family diary: marks with their type of
 * work and weight, attendance letters and lesson topics over lessons or dates, and a student's
 * study period subject by subject (weighted average, the proposal, period marks, attendance).
 * Callers have already checked who may see the students: this API takes student ids, not actors.
 * Each method runs a fixed number of statements whatever the number of students and lessons.
 */
@Service
public class StudentRecords {

	/** One mark of a student at a lesson, with the lesson's subject and date. */
	public record MarkRecord(long studentId, long lessonId, long subjectId, LocalDate date, MarkValue value,
			@Nullable String workType, int weight) {
	}

	/** A student at a lesson. */
	public record Key(long studentId, long lessonId) {
	}

	/** The journal's records of the students at the lessons; marks in lesson order, then in cell order. */
	public record Records(List<Lesson> lessons, List<MarkRecord> marks, Map<Key, Attendance> attendance,
			Map<Long, String> topics) {
	}

	/**
	 * A student's subject in a study period: the marks in date order, the weighted average of the
	 * graded ones (null when none), the proposal for the period mark, the period marks set (by
	 * period id, over the periods asked for), and absences (н, б, уп) and lateness (оп) at its lessons.
	 */
	public record SubjectRecord(long subjectId, List<MarkRecord> marks, @Nullable BigDecimal average,
			Optional<Proposal> proposal, Optional<PassFailProposal> passFail, Map<Long, MarkValue> periodMarks, int lessons,
			int absences, int late) {

		/** The proposed period mark, graded or pass/fail; null when the period has no marks. */
		public @Nullable MarkValue proposed() {
			if (proposal.isPresent()) {
				return MarkValue.ofNumber(proposal.get().mark());
			}
			return passFail.map(p -> p.passed() ? MarkValue.PASS : MarkValue.FAIL).orElse(null);
		}
	}

	private final Lessons lessons;
	private final StudentMarks marks;
	private final GradingRules rules;
	private final ClassMembers members;
	private final YearMarks yearMarks;

	StudentRecords(Lessons lessons, StudentMarks marks, GradingRules rules, ClassMembers members,
			YearMarks yearMarks) {
		this.yearMarks = yearMarks;
		this.lessons = lessons;
		this.marks = marks;
		this.rules = rules;
		this.members = members;
	}

	/** The records of the students at lessons the caller has read already, with the lessons' topics (one statement). */
	public Records ofLessons(Collection<Long> studentIds, Collection<Lesson> shown) {
		return read(studentIds, shown, true);
	}

	/** The records of the students of the classes between two dates, inclusive (two statements). */
	public Records between(Collection<Long> studentIds, Collection<Long> classIds, LocalDate from, LocalDate to) {
		return ofLessons(studentIds, lessons.ofClasses(classIds, from, to));
	}

	/**
	 * A student's study period in the class, by subject in the order the subjects first appear in
	 * the timetable: every subject with a lesson of the student in the period (lessons of the
	 * student's groups only; cancelled lessons do not count). {@code periodIds} are the periods
	 * whose period marks to include (the year's, for a row of quarters). Six statements.
	 */
	public Map<Long, SubjectRecord> period(long studentId, long classId, StudyPeriod period, Collection<Long> periodIds) {
		Set<Long> groups = members.groupsOf(List.of(studentId)).getOrDefault(studentId, Set.of());
		List<Lesson> own = lessons.ofClass(classId, period.startsOn(), period.endsOn()).stream()
			.filter(l -> !l.cancelled() && (l.groupId() == null || groups.contains(l.groupId()))).toList();
		Map<Long, Lesson> byId = new HashMap<>();
		own.forEach(l -> byId.put(l.id(), l));
		Map<Long, List<MarkRecord>> marksOf = new LinkedHashMap<>();
		Map<Long, int[]> lessonsOf = new LinkedHashMap<>();
		for (Lesson l : own) {
			marksOf.computeIfAbsent(l.subjectId(), k -> new ArrayList<>());
			lessonsOf.computeIfAbsent(l.subjectId(), k -> new int[3])[0]++;
		}
		Records records = read(List.of(studentId), own, false);
		records.marks().forEach(m -> marksOf.get(m.subjectId()).add(m));
		records.attendance().forEach((key, a) -> {
			int[] counts = lessonsOf.get(byId.get(key.lessonId()).subjectId());
			counts[a == Attendance.OP ? 2 : 1]++;
		});
		Grading.RoundingRule rule = own.isEmpty() ? Grading.RoundingRule.DEFAULT
				: rules.of(own.get(0).institutionId()).rounding();
		Map<Long, Map<Long, MarkValue>> periodMarks = marks.periodMarks(studentId, periodIds);
		Map<Long, SubjectRecord> result = new LinkedHashMap<>();
		marksOf.forEach((subject, list) -> {
			List<Counted> counted = new ArrayList<>();
			List<PassFailMark> passFail = new ArrayList<>();
			for (MarkRecord m : list) {
				int weight = Math.max(1, m.weight());
				if (m.value().passFail()) {
					passFail.add(new PassFailMark(m.value() == MarkValue.PASS, weight));
				}
				else {
					counted.add(new Counted(m.value().number(), weight));
				}
			}
			Optional<Proposal> proposal = Grading.propose(counted, rule);
			int[] counts = lessonsOf.get(subject);
			result.put(subject, new SubjectRecord(subject, List.copyOf(list), proposal.map(Proposal::average).orElse(null),
					proposal, passFail.isEmpty() || !counted.isEmpty() ? Optional.empty() : Grading.proposePassFail(passFail),
					periodMarks.getOrDefault(subject, Map.of()), counts[0], counts[1], counts[2]));
		});
		return result;
	}

	/** One subject of a student's study period (see {@link #period}); empty when the student has no lesson of it. */
	public Optional<SubjectRecord> subject(long studentId, long classId, long subjectId, StudyPeriod period,
			Collection<Long> periodIds) {
		return Optional.ofNullable(period(studentId, classId, period, periodIds).get(subjectId));
	}

	/**
	 * A student's annual and final marks of the year of the class, by subject and kind (one
	 * statement); only marks the teacher set, never proposals.
	 */
	public Map<Long, Map<YearMarkSet.Kind, MarkValue>> yearMarks(long studentId, long classId) {
		return yearMarks.ofStudent(studentId, classId);
	}

	/** Marks and attendance in the order of the lessons given (marks of a cell in their order), topics if asked. */
	private Records read(Collection<Long> studentIds, Collection<Lesson> shown, boolean withTopics) {
		Map<Long, Lesson> byId = new LinkedHashMap<>();
		shown.forEach(l -> byId.put(l.id(), l));
		Map<Long, Integer> position = new HashMap<>();
		for (Lesson l : byId.values()) {
			position.put(l.id(), position.size());
		}
		List<MarkRecord> found = new ArrayList<>();
		Map<Key, Attendance> attendance = new HashMap<>();
		Map<Long, String> topics = new HashMap<>();
		List<Row> cells = withTopics ? marks.cellsAndTopics(studentIds, byId.keySet(), topics)
				: marks.cells(studentIds, byId.keySet());
		for (Row r : cells) {
			Lesson l = byId.get(r.lessonId());
			if (r.attendance() != null) {
				attendance.put(new Key(r.studentId(), r.lessonId()), r.attendance());
			}
			if (r.value() != null && l != null) {
				found.add(new MarkRecord(r.studentId(), l.id(), l.subjectId(), l.date(), r.value(), r.workType(), r.weight()));
			}
		}
		found.sort(Comparator.comparing((MarkRecord m) -> m.date()).thenComparing(m -> position.get(m.lessonId())));
		return new Records(List.copyOf(byId.values()), found, attendance, topics);
	}
}
