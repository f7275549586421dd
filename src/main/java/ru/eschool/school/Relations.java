package ru.eschool.school;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who stands in which relation to whom, for modules that tell people things (notifications,
 * messaging): the guardians of students. One statement per question, whatever the number of ids.
 */
@Service
public class Relations {

	private final JdbcClient db;

	Relations(JdbcClient db) {
		this.db = db;
	}

	/** The guardians of each of the given students (students without one are absent). */
	public Map<Long, List<Long>> guardiansOf(Collection<Long> studentIds) {
		Map<Long, List<Long>> result = new HashMap<>();
		if (!studentIds.isEmpty()) {
			db.sql("""
					select g.student_id, g.guardian_id from school_guardianship g where g.student_id in (:s) order by g.student_id, g.guardian_id""").param("s", studentIds)
				.query(rs -> {
					result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
				});
		}
		return result;
	}
}
