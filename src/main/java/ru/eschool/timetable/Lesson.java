package ru.eschool.timetable;

import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * A dated lesson of a class (or of a group within it). {@code teacherId} is the planned teacher;
 * {@code substituteId}, when set, is who actually teaches it. A moved lesson remembers where it
 * was; a cancelled one stays on record with its reason.
 */
public record Lesson(long id, long institutionId, long classId, @Nullable Long groupId, long subjectId,
		long teacherId, @Nullable Long substituteId, LocalDate date, int shift, int number, LocalTime startsAt,
		LocalTime endsAt, @Nullable String room, Status status, @Nullable LocalDate movedFromDate,
		@Nullable Integer movedFromNumber, @Nullable String changeReason, int version) {

	public enum Status { SCHEDULED, CANCELLED }

	/** Who teaches it: the substitute when there is one. */
	public long actualTeacherId() {
		return substituteId != null ? substituteId : teacherId;
	}

	public boolean cancelled() {
		return status == Status.CANCELLED;
	}

	/** Anything about it differs from the weekly plan: highlighted in diaries and schedules. */
	public boolean changed() {
		return substituteId != null || status == Status.CANCELLED || movedFromDate != null || changeReason != null;
	}
}
