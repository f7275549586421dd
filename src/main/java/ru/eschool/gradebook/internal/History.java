package ru.eschool.gradebook.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/** The append-only history of mark changes: rows are inserted, never updated or deleted. */
@Repository
public class History {

	private final JdbcClient db;

	History(JdbcClient db) {
		this.db = db;
	}

	public void lessonMark(long markId, long lessonId, long studentId, @Nullable String oldValue, @Nullable String newValue,
			@Nullable String reason, long accountId, Instant at) {
		db.sql("""
				insert into gradebook_mark_history (kind, mark_id, lesson_id, student_id, old_value, new_value, reason, changed_by, changed_at)
				values ('LESSON', :m, :l, :s, :o, :n, :r, :by, :at)""").param("m", markId).param("l", lessonId)
			.param("s", studentId).param("o", oldValue).param("n", newValue).param("r", reason).param("by", accountId)
			.param("at", Db.utc(at)).update();
	}

	public void periodMark(long periodMarkId, long periodId, long studentId, @Nullable String oldValue, String newValue,
			@Nullable String reason, long accountId, Instant at) {
		db.sql("""
				insert into gradebook_mark_history (kind, period_mark_id, period_id, student_id, old_value, new_value, reason, changed_by, changed_at)
				values ('PERIOD', :m, :p, :s, :o, :n, :r, :by, :at)""").param("m", periodMarkId).param("p", periodId)
			.param("s", studentId).param("o", oldValue).param("n", newValue).param("r", reason).param("by", accountId)
			.param("at", Db.utc(at)).update();
	}

	/** A change of an annual or final mark (kind ANNUAL or FINAL). */
	public void yearMark(long yearMarkId, String kind, long studentId, @Nullable String oldValue, String newValue,
			@Nullable String reason, long accountId, Instant at) {
		db.sql("""
				insert into gradebook_mark_history (kind, year_mark_id, student_id, old_value, new_value, reason, changed_by, changed_at)
				values (:k, :m, :s, :o, :n, :r, :by, :at)""").param("k", kind).param("m", yearMarkId).param("s", studentId)
			.param("o", oldValue).param("n", newValue).param("r", reason).param("by", accountId).param("at", Db.utc(at))
			.update();
	}

	/** A change of a cell's attendance letter (kind ATTENDANCE): old and new codes (N, B, UP, OP), who, when, why. */
	public void attendance(long lessonId, long studentId, @Nullable String oldValue, @Nullable String newValue,
			@Nullable String reason, long accountId, Instant at) {
		db.sql("""
				insert into gradebook_mark_history (kind, lesson_id, student_id, old_value, new_value, reason, changed_by, changed_at)
				values ('ATTENDANCE', :l, :s, :o, :n, :r, :by, :at)""").param("l", lessonId).param("s", studentId)
			.param("o", oldValue).param("n", newValue).param("r", reason).param("by", accountId).param("at", Db.utc(at))
			.update();
	}
}
