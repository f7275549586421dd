package ru.eschool.gradebook.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/** Remarks and praise on students, dated; the diary will show them to guardians. */
@Repository
public class Remarks {

	public enum Kind { REMARK, PRAISE }

	public record Remark(long id, long studentId, @Nullable Long subjectId, Kind kind, String body, LocalDate date,
			long authorId) {
	}

	private final JdbcClient db;

	Remarks(JdbcClient db) {
		this.db = db;
	}

	public long add(long institutionId, long studentId, @Nullable Long subjectId, Kind kind, String body, LocalDate date,
			long authorStaffId, Instant at) {
		return Db.insert(db.sql("""
				insert into gradebook_remark (institution_id, student_id, subject_id, kind, body, remark_date, author_id, created_at)
				values (:i, :s, :sub, :k, :b, :d, :a, :at)""").param("i", institutionId).param("s", studentId)
			.param("sub", subjectId).param("k", kind.name()).param("b", body.strip()).param("d", date)
			.param("a", authorStaffId).param("at", Db.utc(at)));
	}

	public List<Remark> ofStudent(long studentId) {
		return db.sql("""
				select id, student_id, subject_id, kind, body, remark_date, author_id from gradebook_remark
				where student_id = :s order by remark_date desc, id desc""").param("s", studentId)
			.query((rs, n) -> new Remark(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
					Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getLong(7)))
			.list();
	}
}
