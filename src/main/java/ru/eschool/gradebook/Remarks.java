package ru.eschool.gradebook;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Remarks (замечания) and praise (похвала) that teachers wrote on students, for the diary to show
 * students and their guardians. One statement whatever the number of students; callers have
 * already scoped the student ids to what the actor may see (a guardian's children, oneself).
 */
@Service
public class Remarks {

	public enum Kind {
		REMARK, PRAISE;

		public String messageKey() {
			return "gradebook.remark.kind." + name();
		}
	}

	/** A remark or praise: on whom, in which subject (or none), what, when, and by whom (a staff id). */
	public record Remark(long id, long studentId, @Nullable Long subjectId, Kind kind, String body, LocalDate date,
			long authorStaffId) {
	}

	private final JdbcClient db;

	Remarks(JdbcClient db) {
		this.db = db;
	}

	/** The remarks and praise of the students dated between the two days (inclusive), newest first. */
	public List<Remark> of(Collection<Long> studentIds, LocalDate from, LocalDate to) {
		if (studentIds.isEmpty()) {
			return List.of();
		}
		return db.sql("""
				select id, student_id, subject_id, kind, body, remark_date, author_id from gradebook_remark
				where student_id in (:s) and remark_date between :f and :t order by remark_date desc, id desc""")
			.param("s", studentIds).param("f", from).param("t", to)
			.query((rs, n) -> new Remark(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
					Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getLong(7)))
			.list();
	}
}
