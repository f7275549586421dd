package ru.eschool.homework;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import ru.eschool.homework.internal.Assignments;

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

	/**
	 * Homework due between two dates with links and files, and the given students' done-marks
	 * (assignment ids by student) and hand-ins.
	 */
	public record Due(List<Assignment> assignments, Map<Long, Set<Long>> done, List<HandInState> handIns) {

		public static final Due NONE = new Due(List.of(), Map.of(), List.of());
	}

	private final Assignments assignments;

	HomeworkBoard(Assignments assignments) {
		this.assignments = assignments;
	}

	/**
	 * Homework of the classes due between two dates inclusive, with the students' done-marks and
	 * hand-ins: two statements (one when nothing is due), whatever the number of lessons.
	 */
	public Due due(Collection<Long> classIds, Collection<Long> studentIds, LocalDate from, LocalDate to) {
		return assignments.due(classIds, studentIds, from, to);
	}
}
