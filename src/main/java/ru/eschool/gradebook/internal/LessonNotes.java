package ru.eschool.gradebook.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/** The journal's side of each lesson: topic, the teachers' note and the column's type of work. */
@Repository
public class LessonNotes {

	public record LessonNote(long lessonId, @Nullable String topic, @Nullable String note, @Nullable Long workTypeId) {
	}

	private final JdbcClient db;

	LessonNotes(JdbcClient db) {
		this.db = db;
	}

	public Map<Long, LessonNote> of(Collection<Long> lessonIds) {
		Map<Long, LessonNote> notes = new HashMap<>();
		if (lessonIds.isEmpty()) {
			return notes;
		}
		db.sql("select lesson_id, topic, note, work_type_id from gradebook_lesson where lesson_id in (:l)")
			.param("l", lessonIds)
			.query(rs -> {
				notes.put(rs.getLong(1), new LessonNote(rs.getLong(1), rs.getString(2), rs.getString(3),
						(Long) rs.getObject(4, Long.class)));
			});
		return notes;
	}

	public void save(long institutionId, LessonNote note, long accountId, Instant at) {
		db.sql("""
				insert into gradebook_lesson (lesson_id, institution_id, updated_by, updated_at) values (:l, :i, :by, :at)
				on conflict do nothing""").param("l", note.lessonId()).param("i", institutionId).param("by", accountId)
			.param("at", Db.utc(at)).update();
		db.sql("""
				update gradebook_lesson set topic = :t, note = :n, work_type_id = :w, updated_by = :by, updated_at = :at
				where lesson_id = :l""").param("t", note.topic()).param("n", note.note()).param("w", note.workTypeId())
			.param("by", accountId).param("at", Db.utc(at)).param("l", note.lessonId()).update();
	}

	/** The lessons of the institution that have a topic (one statement; the journal monitor). */
	public java.util.Set<Long> withTopic(long institutionId) {
		return new java.util.HashSet<>(db.sql("select lesson_id from gradebook_lesson where institution_id = :i and topic is not null")
			.param("i", institutionId).query(Long.class).list());
	}
}
