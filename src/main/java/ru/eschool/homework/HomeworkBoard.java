package ru.eschool.homework;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import ru.eschool.homework.internal.Assignments;
import ru.eschool.homework.internal.DoneMarks;
import ru.eschool.homework.internal.HandIns;

/**
 * What is due, for the diary: homework of classes between two dates with links and files, and
 * the students' done-marks and hand-ins. Each method is a fixed number of statements whatever the
 * number of lessons; callers have already checked who may see the classes and students.
 */
@Service
public class HomeworkBoard {

	/** Homework set at {@code lessonId}, due on {@code dueOn} (at {@code dueLessonId} when known). */
	public record Assignment(long id, long lessonId, long classId, @Nullable Long groupId, long subjectId,
			@Nullable Long dueLessonId, LocalDate dueOn, String text, boolean handInRequired, List<String> links,
			List<Attachment> files) {

		/** Whether this homework is for that lesson: due that day, same subject and group. */
		public boolean dueAt(long lessonId, LocalDate date, long subjectId, @Nullable Long groupId) {
			if (dueLessonId != null) {
				return dueLessonId == lessonId;
			}
			return dueOn.equals(date) && this.subjectId == subjectId && java.util.Objects.equals(this.groupId, groupId);
		}
	}

	/** A file attached to homework, downloaded at {@code /homework/files/{id}}. */
	public record Attachment(long id, String name, long size) {
	}

	/** A student's hand-in as the diary shows it: handed in, and the mark when there is one. */
	public record HandInState(long assignmentId, long studentId, @Nullable Integer mark) {
	}

	private final Assignments assignments;
	private final DoneMarks done;
	private final HandIns handIns;

	HomeworkBoard(Assignments assignments, DoneMarks done, HandIns handIns) {
		this.assignments = assignments;
		this.done = done;
		this.handIns = handIns;
	}

	/** Homework of the classes due between two dates inclusive (three statements). */
	public List<Assignment> dueBetween(Collection<Long> classIds, LocalDate from, LocalDate to) {
		return assignments.dueBetween(classIds, from, to);
	}

	/** For each student, the ids of the given homework they marked done (one statement). */
	public Map<Long, Set<Long>> doneBy(Collection<Long> studentIds, Collection<Long> assignmentIds) {
		return done.doneBy(studentIds, assignmentIds);
	}

	/** The students' hand-ins of the given homework (one statement). */
	public List<HandInState> handIns(Collection<Long> studentIds, Collection<Long> assignmentIds) {
		return handIns.states(studentIds, assignmentIds);
	}
}
