package ru.eschool.diary;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import ru.eschool.timetable.Lesson;

/**
 * What the journal records about a student at a lesson (topic, marks, attendance), for the
 * diary's week view. The week page asks once for all its lessons, so an implementation must
 * answer with a fixed number of statements.
 * <p>
 * {@code diary.internal.GradebookEntries} implements it over the gradebook's read API (the
 * modules' direction is {@code diary → gradebook}); {@link #NONE} is used when no bean does.
 */
public interface DiaryEntries {

	/** A mark as the diary shows it: "5" (or "зч"), the type of work, and its weight. */
	record MarkEntry(String value, @Nullable String workType, int weight) {
	}

	/**
	 * The journal's record of one student at one lesson: the topic, the marks, and the attendance
	 * letter ("н") with the message key that names it.
	 */
	record LessonEntries(@Nullable String topic, List<MarkEntry> marks, @Nullable String attendance,
			@Nullable String attendanceKey) {

		public static final LessonEntries EMPTY = new LessonEntries(null, List.of(), null, null);
	}

	/** Key of one student at one lesson. */
	record Key(long studentId, long lessonId) {
	}

	/** The entries of the students at the lessons; absent keys mean nothing recorded. */
	Map<Key, LessonEntries> forLessons(Collection<Long> studentIds, Collection<Lesson> lessons);

	DiaryEntries NONE = (students, lessons) -> Map.of();
}
