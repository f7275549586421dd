package ru.eschool.gradebook;

import org.jspecify.annotations.Nullable;

/**
 * An annual (годовая) or final (итоговая) mark set by the teacher: confirmed ({@code value} equals
 * {@code proposed}) or overridden with a reason. The class names the academic year.
 */
public record YearMarkSet(long yearMarkId, long institutionId, long classId, long subjectId, long studentId, Kind kind,
		String value, @Nullable String proposed, @Nullable String reason) {

	/** Which of the year's marks: the annual one, or the final one of a subject that ends in this grade. */
	public enum Kind {
		ANNUAL, FINAL
	}
}
