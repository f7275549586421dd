package ru.eschool.homework.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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

	public Map<Long, Set<Long>> doneBy(Collection<Long> studentIds, Collection<Long> assignmentIds) {
		Map<Long, Set<Long>> done = new HashMap<>();
		if (!studentIds.isEmpty() && !assignmentIds.isEmpty()) {
			db.sql("select student_id, assignment_id from homework_done where student_id in (:s) and assignment_id in (:a)")
				.param("s", studentIds).param("a", assignmentIds).query(rs -> {
					done.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
				});
		}
		return done;
	}
}
