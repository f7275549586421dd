package ru.eschool.gradebook.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.gradebook.MarkValue;
import ru.eschool.shared.Db;

/** Period marks: one per student, subject and study period, guarded by a version. */
@Repository
public class PeriodMarks {

	public record PeriodMark(long id, long studentId, MarkValue value, @Nullable String proposed, @Nullable String reason,
			int version) {
	}

	private final JdbcClient db;

	PeriodMarks(JdbcClient db) {
		this.db = db;
	}

	/** The period marks of a class in a subject and period, by student (one statement). */
	public Map<Long, PeriodMark> of(long classId, long subjectId, long periodId) {
		Map<Long, PeriodMark> marks = new HashMap<>();
		db.sql("""
				select id, student_id, mark_value, proposed, reason, version from gradebook_period_mark
				where class_id = :c and subject_id = :s and period_id = :p""").param("c", classId).param("s", subjectId)
			.param("p", periodId)
			.query(rs -> {
				marks.put(rs.getLong(2), new PeriodMark(rs.getLong(1), rs.getLong(2), MarkValue.ofCode(rs.getString(3)),
						rs.getString(4), rs.getString(5), rs.getInt(6)));
			});
		return marks;
	}

	/**
	 * The students' period marks in a subject, by student and period, whichever class set them (a
	 * student who moved class keeps the marks of the periods before). One statement.
	 */
	public Map<Long, Map<Long, MarkValue>> ofStudents(long subjectId, java.util.Collection<Long> periodIds,
			java.util.Collection<Long> studentIds) {
		Map<Long, Map<Long, MarkValue>> marks = new HashMap<>();
		if (periodIds.isEmpty() || studentIds.isEmpty()) {
			return marks;
		}
		db.sql("""
				select student_id, period_id, mark_value from gradebook_period_mark
				where subject_id = :s and student_id in (:st) and period_id in (:p)""").param("s", subjectId)
			.param("st", studentIds).param("p", periodIds)
			.query(rs -> {
				marks.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), MarkValue.ofCode(rs.getString(3)));
			});
		return marks;
	}

	public Optional<PeriodMark> find(long subjectId, long studentId, long periodId) {
		return db.sql("""
				select id, student_id, mark_value, proposed, reason, version from gradebook_period_mark
				where subject_id = :s and student_id = :st and period_id = :p""").param("s", subjectId).param("st", studentId)
			.param("p", periodId)
			.query((rs, n) -> new PeriodMark(rs.getLong(1), rs.getLong(2), MarkValue.ofCode(rs.getString(3)), rs.getString(4),
					rs.getString(5), rs.getInt(6)))
			.optional();
	}

	public long create(long institutionId, long classId, long subjectId, long studentId, long periodId, MarkValue value,
			@Nullable String proposed, @Nullable String reason, long accountId, Instant at) {
		return Db.insert(db.sql("""
				insert into gradebook_period_mark (institution_id, class_id, subject_id, student_id, period_id, mark_value,
				  proposed, reason, version, set_by, set_at)
				values (:i, :c, :s, :st, :p, :v, :pr, :r, 1, :by, :at)""").param("i", institutionId).param("c", classId)
			.param("s", subjectId).param("st", studentId).param("p", periodId).param("v", value.code()).param("pr", proposed)
			.param("r", reason).param("by", accountId).param("at", Db.utc(at)));
	}

	public boolean update(long id, int seenVersion, MarkValue value, @Nullable String proposed, @Nullable String reason,
			long accountId, Instant at) {
		return db.sql("""
				update gradebook_period_mark set mark_value = :v, proposed = :pr, reason = :r, set_by = :by, set_at = :at,
				  version = version + 1
				where id = :id and version = :seen""").param("v", value.code()).param("pr", proposed).param("r", reason)
			.param("by", accountId).param("at", Db.utc(at)).param("id", id).param("seen", seenVersion).update() == 1;
	}
}
