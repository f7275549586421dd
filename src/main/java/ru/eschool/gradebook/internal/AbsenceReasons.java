package ru.eschool.gradebook.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.gradebook.Attendance;
import ru.eschool.shared.Db;

/** Reasons for absences the class teacher recorded from notes and guardians' statements. */
@Repository
public class AbsenceReasons {

	public enum Source { NOTE, STATEMENT }

	private final JdbcClient db;

	AbsenceReasons(JdbcClient db) {
		this.db = db;
	}

	public long add(long institutionId, long classId, long studentId, LocalDate from, LocalDate to, Attendance kind,
			Source source, String reason, int lessons, long accountId, Instant at) {
		return Db.insert(db.sql("""
				insert into gradebook_absence_reason (institution_id, class_id, student_id, from_date, to_date, kind, source,
				  reason, lessons, recorded_by, recorded_at)
				values (:i, :c, :s, :f, :t, :k, :src, :r, :n, :by, :at)""").param("i", institutionId).param("c", classId)
			.param("s", studentId).param("f", from).param("t", to).param("k", kind.name()).param("src", source.name())
			.param("r", reason).param("n", lessons).param("by", accountId).param("at", Db.utc(at)));
	}
}
