package ru.eschool.homework.internal;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/** Students' "done" ticks on homework. */
@Repository
public class DoneMarks {

	private final JdbcClient db;

	DoneMarks(JdbcClient db) {
		this.db = db;
	}

	void set(long assignmentId, long studentId, boolean done, Instant now) {
		if (done) {
			db.sql("insert into homework_done (assignment_id, student_id, done_at) values (:a, :s, :t) on conflict do nothing")
				.param("a", assignmentId).param("s", studentId).param("t", Db.utc(now)).update();
		}
		else {
			db.sql("delete from homework_done where assignment_id = :a and student_id = :s").param("a", assignmentId)
				.param("s", studentId).update();
		}
	}

	public boolean isDone(long assignmentId, long studentId) {
		return db.sql("select count(*) from homework_done where assignment_id = :a and student_id = :s")
			.param("a", assignmentId).param("s", studentId).query(Long.class).single() > 0;
	}
}
