package ru.eschool.timetable.internal;

import org.jspecify.annotations.Nullable;

/**
 * One line of a class's weekly timetable: on a weekday (1 = Monday ... 6 = Saturday), in a slot of
 * a shift, a subject taught by a teacher to the whole class or one group of it, in a room.
 */
public record TemplateEntry(long id, long institutionId, long academicYearId, long classId, @Nullable Long groupId,
		int weekday, int shift, int number, long subjectId, long teacherId, @Nullable String room) {

	public boolean wholeClass() {
		return groupId == null;
	}
}
