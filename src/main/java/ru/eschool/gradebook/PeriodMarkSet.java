package ru.eschool.gradebook;

import org.jspecify.annotations.Nullable;

/** A period mark set by the teacher: confirmed ({@code value} equals {@code proposed}) or overridden. */
public record PeriodMarkSet(long periodMarkId, long institutionId, long classId, long subjectId, long studentId,
		long periodId, String value, @Nullable String proposed, @Nullable String reason) {
}
