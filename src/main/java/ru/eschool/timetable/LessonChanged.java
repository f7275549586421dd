package ru.eschool.timetable;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Published when a dated lesson is substituted, cancelled, moved or gets another room, so that
 * families and teachers are told. Persisted by Modulith's event publication registry.
 */
public record LessonChanged(long lessonId, long institutionId, long classId, @Nullable Long groupId,
		LocalDate date, int number, Kind kind, String reason) {

	public enum Kind { SUBSTITUTE, CANCEL, MOVE, ROOM }
}
