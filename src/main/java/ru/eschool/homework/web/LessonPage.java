package ru.eschool.homework.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import ru.eschool.homework.internal.HandIns.HandIn;
import ru.eschool.school.ClassMembers.Pupil;

/** What the lesson's homework page shows besides the lesson (public for the jte template). */
public final class LessonPage {

	private LessonPage() {
	}

	/** One row of the hand-in table: a pupil and their hand-in, if any. */
	public record HandInLine(Pupil pupil, @Nullable HandIn handIn) {
	}

	/** What the form shows: saved values, or what was just sent when it had errors. */
	public record FormValues(String text, String links, boolean handIn, @Nullable Long dueLessonId, @Nullable LocalDate dueOn) {
	}
}
