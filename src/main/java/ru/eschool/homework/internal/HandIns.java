package ru.eschool.homework.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.homework.HomeworkBoard.HandInState;
import ru.eschool.shared.Db;

/** Students' answers to homework that asks for one, and the teacher's marks on them. */
@Repository
public class HandIns {

	public record HandIn(long id, long assignmentId, long studentId, @Nullable String body, @Nullable String fileSha256,
			@Nullable String fileName, @Nullable String fileType, @Nullable Long fileSize, Instant handedAt,
			@Nullable Integer mark, @Nullable String comment) {
	}

	private static final String SELECT = """
			select id, assignment_id, student_id, body, file_sha256, file_name, file_type, file_size, handed_at, mark, mark_comment
			from homework_hand_in""";

	private final JdbcClient db;

	HandIns(JdbcClient db) {
		this.db = db;
	}

	public Optional<HandIn> byId(long id) {
		return db.sql(SELECT + " where id = :id").param("id", id).query(HandIns::handIn).optional();
	}

	public Optional<HandIn> of(long assignmentId, long studentId) {
		return db.sql(SELECT + " where assignment_id = :a and student_id = :s").param("a", assignmentId)
			.param("s", studentId).query(HandIns::handIn).optional();
	}

	public List<HandIn> ofAssignment(long assignmentId) {
		return db.sql(SELECT + " where assignment_id = :a").param("a", assignmentId).query(HandIns::handIn).list();
	}

	/** Saves the student's answer, replacing an earlier one that is not marked yet. */
	void save(long assignmentId, long studentId, @Nullable String body, HomeworkFiles.@Nullable Stored file, Instant now) {
		Optional<HandIn> old = of(assignmentId, studentId);
		if (old.isPresent()) {
			db.sql("""
					update homework_hand_in set body = :b, file_sha256 = :h, file_name = :n, file_type = :t, file_size = :s,
					  handed_at = :at where id = :id and mark is null""")
				.param("b", body).param("h", file == null ? old.get().fileSha256() : file.sha256())
				.param("n", file == null ? old.get().fileName() : file.name())
				.param("t", file == null ? old.get().fileType() : file.mediaType())
				.param("s", file == null ? old.get().fileSize() : (Long) file.size())
				.param("at", Db.utc(now)).param("id", old.get().id()).update();
			return;
		}
		db.sql("""
				insert into homework_hand_in (assignment_id, student_id, body, file_sha256, file_name, file_type, file_size, handed_at)
				values (:a, :st, :b, :h, :n, :t, :s, :at)""")
			.param("a", assignmentId).param("st", studentId).param("b", body)
			.param("h", file == null ? null : file.sha256()).param("n", file == null ? null : file.name())
			.param("t", file == null ? null : file.mediaType()).param("s", file == null ? null : (Long) file.size())
			.param("at", Db.utc(now)).update();
	}

	int mark(long id, long assignmentId, int mark, @Nullable String comment, long by, Instant now) {
		return db.sql("""
				update homework_hand_in set mark = :m, mark_comment = :c, marked_by = :by, marked_at = :at
				where id = :id and assignment_id = :a""")
			.param("m", mark).param("c", comment).param("by", by).param("at", Db.utc(now)).param("id", id)
			.param("a", assignmentId).update();
	}

	private static HandIn handIn(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new HandIn(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
				rs.getString(7), (Long) rs.getObject(8, Long.class), rs.getObject(9, OffsetDateTime.class).toInstant(),
				(Integer) rs.getObject(10, Integer.class), rs.getString(11));
	}
}
