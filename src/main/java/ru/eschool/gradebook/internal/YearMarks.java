package ru.eschool.gradebook.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.gradebook.MarkValue;
import ru.eschool.gradebook.YearMarkSet.Kind;
import ru.eschool.shared.Db;

/** Annual and final marks: one of each kind per student, subject and class (the class names the year). */
@Repository
public class YearMarks {

	public record YearMark(long id, long studentId, long subjectId, Kind kind, MarkValue value, @Nullable String proposed,
			@Nullable String reason, int version) {
	}

	private static final String COLUMNS = "id, student_id, subject_id, kind, mark_value, proposed, reason, version";

	private final JdbcClient db;

	YearMarks(JdbcClient db) {
		this.db = db;
	}

	private static YearMark row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new YearMark(rs.getLong(1), rs.getLong(2), rs.getLong(3), Kind.valueOf(rs.getString(4)),
				MarkValue.ofCode(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getInt(8));
	}

	/** The year marks of a class in a subject, by student and kind (one statement). */
	public Map<Long, Map<Kind, YearMark>> of(long classId, long subjectId) {
		Map<Long, Map<Kind, YearMark>> marks = new HashMap<>();
		db.sql("select " + COLUMNS + " from gradebook_year_mark where class_id = :c and subject_id = :s")
			.param("c", classId).param("s", subjectId)
			.query(rs -> {
				YearMark m = row(rs);
				marks.computeIfAbsent(m.studentId(), k -> new EnumMap<>(Kind.class)).put(m.kind(), m);
			});
		return marks;
	}

	/** The year marks of a whole class, by student, then subject and kind (one statement). */
	public Map<Long, Map<Long, Map<Kind, MarkValue>>> ofClass(long classId) {
		Map<Long, Map<Long, Map<Kind, MarkValue>>> marks = new HashMap<>();
		db.sql("select " + COLUMNS + " from gradebook_year_mark where class_id = :c").param("c", classId)
			.query(rs -> {
				YearMark m = row(rs);
				marks.computeIfAbsent(m.studentId(), k -> new HashMap<>())
					.computeIfAbsent(m.subjectId(), k -> new EnumMap<>(Kind.class))
					.put(m.kind(), m.value());
			});
		return marks;
	}

	/** A student's year marks in a class, by subject and kind (one statement). */
	public Map<Long, Map<Kind, MarkValue>> ofStudent(long studentId, long classId) {
		Map<Long, Map<Kind, MarkValue>> marks = new HashMap<>();
		db.sql("select " + COLUMNS + " from gradebook_year_mark where student_id = :st and class_id = :c")
			.param("st", studentId).param("c", classId)
			.query(rs -> {
				YearMark m = row(rs);
				marks.computeIfAbsent(m.subjectId(), k -> new EnumMap<>(Kind.class)).put(m.kind(), m.value());
			});
		return marks;
	}

	public long create(long institutionId, long classId, long subjectId, long studentId, Kind kind, MarkValue value,
			@Nullable String proposed, @Nullable String reason, long accountId, Instant at) {
		return Db.insert(db.sql("""
				insert into gradebook_year_mark (institution_id, class_id, subject_id, student_id, kind, mark_value,
				  proposed, reason, version, set_by, set_at)
				values (:i, :c, :s, :st, :k, :v, :pr, :r, 1, :by, :at)""").param("i", institutionId).param("c", classId)
			.param("s", subjectId).param("st", studentId).param("k", kind.name()).param("v", value.code())
			.param("pr", proposed).param("r", reason).param("by", accountId).param("at", Db.utc(at)));
	}

	public boolean update(long id, int seenVersion, MarkValue value, @Nullable String proposed, @Nullable String reason,
			long accountId, Instant at) {
		return db.sql("""
				update gradebook_year_mark set mark_value = :v, proposed = :pr, reason = :r, set_by = :by, set_at = :at,
				  version = version + 1
				where id = :id and version = :seen""").param("v", value.code()).param("pr", proposed).param("r", reason)
			.param("by", accountId).param("at", Db.utc(at)).param("id", id).param("seen", seenVersion).update() == 1;
	}
}
