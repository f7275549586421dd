package ru.eschool.gradebook;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A mark was changed or deleted ({@code newValue} null); the history keeps the old value. */
public record MarkChanged(long markId, long institutionId, long lessonId, long studentId, long subjectId,
		LocalDate lessonDate, String oldValue, @Nullable String newValue) {
}
