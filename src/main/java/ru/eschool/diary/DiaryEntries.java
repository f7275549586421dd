package ru.eschool.diary;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the journal records about a student at a lesson (topic, marks, attendance), for the
 * diary's week view. The week page asks once for all its lessons, so an implementation must
 * answer with a fixed number of statements.
 * <p>
 * Until the gradebook module exists there is nothing to show: {@link #NONE} is used when no bean
 * implements this. The modules' direction is {@code diary → gradebook}, so the gradebook must not
 * implement this interface itself; when it has a read API, an adapter inside {@code diary}
 * (e.g. {@code diary.internal.GradebookEntries}) implements it by calling that API.
 */
public interface DiaryEntries {

	/** A mark as the diary shows it: "5", the type of work, and its weight. */
	record MarkEntry(String value, @Nullable String workType, int weight) {
	}

	/** The journal's record of one student at one lesson. */
	record LessonEntries(@Nullable String topic, List<MarkEntry> marks, @Nullable String attendance) {

		public static final LessonEntries EMPTY = new LessonEntries(null, List.of(), null);
	}

	/** Key of one student at one lesson. */
	record Key(long studentId, long lessonId) {
	}

	/** The entries of the students at the lessons; absent keys mean nothing recorded. */
	Map<Key, LessonEntries> forLessons(Collection<Long> studentIds, Collection<Long> lessonIds);

	DiaryEntries NONE = (students, lessons) -> Map.of();
}
