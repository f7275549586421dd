package ru.eschool.diary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import ru.eschool.diary.DiaryEntries.Key;
import ru.eschool.diary.DiaryEntries.LessonEntries;
import ru.eschool.homework.HomeworkBoard;
import ru.eschool.homework.HomeworkBoard.Assignment;
import ru.eschool.homework.HomeworkBoard.HandInState;
import ru.eschool.school.ClassMembers;
import ru.eschool.school.SchoolNames;
import ru.eschool.school.SchoolRoster.StudentSummary;
import ru.eschool.timetable.Lesson;
import ru.eschool.timetable.Lessons;

/**
 * Children's lessons day by day with their changes, homework and journal entries, for the week
 * page and the home page. Whatever the number of children, days and lessons, it runs the same
 * statements: the students' groups, the lessons, subject and teacher names (one), homework (two:
 * the homework, then its links, files, done-marks and hand-ins), and the journal's entries with the
 * topics (one). The caller passes students it has scoped.
 */
@Service
public class FamilyDiary {

	/** One day of one child. */
	public record Day(LocalDate date, boolean today, List<LessonLine> lessons) {
	}

	/** One lesson as the diary shows it; {@code plannedTeacher} is set when a substitute teaches it. */
	public record LessonLine(Lesson lesson, String subject, String teacher, @Nullable String plannedTeacher,
			List<HomeworkLine> homework, LessonEntries entries) {
	}

	/** Homework due at the lesson, with the child's done-mark and hand-in. */
	public record HomeworkLine(Assignment assignment, boolean done, @Nullable HandInState handIn) {
	}

	private final Lessons lessons;
	private final HomeworkBoard homework;
	private final SchoolNames names;
	private final ClassMembers members;
	private final ObjectProvider<DiaryEntries> entries;

	FamilyDiary(Lessons lessons, HomeworkBoard homework, SchoolNames names, ClassMembers members,
			ObjectProvider<DiaryEntries> entries) {
		this.lessons = lessons;
		this.homework = homework;
		this.names = names;
		this.members = members;
		this.entries = entries;
	}

	/** For each student, the days from {@code from} to {@code to} (each day listed, lessons or not). */
	public Map<Long, List<Day>> days(Collection<StudentSummary> students, LocalDate from, LocalDate to, LocalDate today) {
		Set<Long> studentIds = new HashSet<>();
		Set<Long> classIds = new HashSet<>();
		for (StudentSummary s : students) {
			studentIds.add(s.id());
			if (s.classId() != null) {
				classIds.add(s.classId());
			}
		}
		Map<Long, Set<Long>> groups = members.groupsOf(studentIds);
		List<Lesson> all = lessons.ofClasses(classIds, from, to);
		Set<Long> subjectIds = new HashSet<>();
		Set<Long> staffIds = new HashSet<>();
		for (Lesson l : all) {
			subjectIds.add(l.subjectId());
			staffIds.add(l.teacherId());
			if (l.substituteId() != null) {
				staffIds.add(l.substituteId());
			}
		}
		SchoolNames.SubjectsAndStaff named = names.subjectsAndStaff(subjectIds, staffIds);
		Map<Long, String> subjects = named.subjects();
		Map<Long, String> staff = named.staff();
		HomeworkBoard.Due homeworkDue = homework.due(classIds, studentIds, from, to);
		List<Assignment> due = homeworkDue.assignments();
		Map<Long, Set<Long>> done = homeworkDue.done();
		Map<Key, HandInState> handIns = new HashMap<>();
		homeworkDue.handIns().forEach(h -> handIns.put(new Key(h.studentId(), h.assignmentId()), h));
		Map<Key, LessonEntries> journal = entries.getIfAvailable(() -> DiaryEntries.NONE).forLessons(studentIds, all);

		Map<Long, List<Day>> result = new HashMap<>();
		for (StudentSummary s : students) {
			Set<Long> own = groups.getOrDefault(s.id(), Set.of());
			List<Day> days = new ArrayList<>();
			for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
				List<LessonLine> lines = new ArrayList<>();
				for (Lesson l : all) {
					if (!l.date().equals(d) || !Objects.equals(l.classId(), s.classId())
							|| (l.groupId() != null && !own.contains(l.groupId()))) {
						continue;
					}
					List<HomeworkLine> hw = new ArrayList<>();
					for (Assignment a : due) {
						if (a.classId() == l.classId() && a.dueAt(l.id(), l.date(), l.subjectId(), l.groupId())) {
							hw.add(new HomeworkLine(a, done.getOrDefault(s.id(), Set.of()).contains(a.id()),
									handIns.get(new Key(s.id(), a.id()))));
						}
					}
					String teacher = staff.getOrDefault(l.actualTeacherId(), "");
					String planned = l.substituteId() == null ? null : staff.getOrDefault(l.teacherId(), "");
					lines.add(new LessonLine(l, subjects.getOrDefault(l.subjectId(), ""), teacher, planned, hw,
							journal.getOrDefault(new Key(s.id(), l.id()), LessonEntries.EMPTY)));
				}
				days.add(new Day(d, d.equals(today), lines));
			}
			result.put(s.id(), days);
		}
		return result;
	}
}
