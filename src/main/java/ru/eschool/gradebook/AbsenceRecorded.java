package ru.eschool.gradebook;

import java.time.LocalDate;

/** A student was marked absent or late on a lesson; {@code kind} is N, B, UP or OP (see {@link Attendance}). */
public record AbsenceRecorded(long institutionId, long lessonId, long studentId, long subjectId, LocalDate lessonDate,
		Attendance kind) {
}
