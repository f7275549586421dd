package ru.eschool.gradebook;

import java.time.LocalDate;

/** A new mark in the journal: {@code value} is "1".."5", "P" (зачёт) or "F" (незачёт). */
public record MarkPosted(long markId, long institutionId, long lessonId, long studentId, long subjectId,
		LocalDate lessonDate, String value, long workTypeId, int weight) {
}
