package ru.eschool.homework;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Published when a teacher sets homework at a lesson for the first time (later edits do not
 * publish again), so that families can be told. Persisted by Modulith's event publication registry.
 */
public record HomeworkAssigned(long assignmentId, long lessonId, long institutionId, long classId,
		@Nullable Long groupId, long subjectId, LocalDate dueOn, boolean handInRequired) {
}
