package ru.eschool.timetable.internal;

import java.time.Duration;
import java.time.LocalTime;

/** One numbered lesson slot of a shift: "3rd lesson, 10:30–11:15". */
public record Bell(int shift, int number, LocalTime startsAt, LocalTime endsAt) {

	public long minutes() {
		return Duration.between(startsAt, endsAt).toMinutes();
	}

	public boolean overlaps(LocalTime start, LocalTime end) {
		return startsAt.isBefore(end) && endsAt.isAfter(start);
	}
}
