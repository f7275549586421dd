package ru.eschool.timetable.internal;

import org.jspecify.annotations.Nullable;

/** Rooms are typed by people ("201", "Спортзал"): compared after trimming and collapsing spaces. */
public final class Rooms {

	public static final int MAX_LENGTH = 20;

	private Rooms() {
	}

	public static @Nullable String normalize(@Nullable String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		return typed.strip().replaceAll("\\s+", " ");
	}
}
