package ru.eschool.gradebook.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.gradebook.Remarks.Kind;
import ru.eschool.shared.Db;

/** Remarks and praise on students, dated: the writing side (the diary reads through {@link ru.eschool.gradebook.Remarks}). */
@Repository
public class StudentRemarks {

	private final JdbcClient db;

	StudentRemarks(JdbcClient db) {
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
}
