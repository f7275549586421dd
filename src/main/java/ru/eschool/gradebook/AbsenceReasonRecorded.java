package ru.eschool.gradebook;

import java.time.LocalDate;

/**
 * The class teacher recorded the reason for a student's absences from a note or a guardian's
 * statement: the absences (н) of the span became {@code kind} (UP excused or B ill) on
 * {@code lessons} lessons. One event per statement, not per lesson, so families are told once.
 */
public record AbsenceReasonRecorded(long institutionId, long classId, long studentId, LocalDate from, LocalDate to,
		Attendance kind, int lessons, String reason) {
}
