package ru.eschool.school;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Students' names by id, for modules that tell families about a child (notifications). The
 * callers hold ids that came from the school's own events; one statement per question.
 */
@Service
public class StudentNames {

	private final JdbcClient db;

	StudentNames(JdbcClient db) {
		this.db = db;
	}

	/** The names of the given students (unknown ids are absent). */
	public Map<Long, PersonName> of(Collection<Long> studentIds) {
		Map<Long, PersonName> names = new HashMap<>();
		if (!studentIds.isEmpty()) {
			db.sql("select id, last_name, first_name, middle_name from school_student where id in (:s)").param("s", studentIds)
				.query(rs -> {
					names.put(rs.getLong(1), new PersonName(rs.getString(2), rs.getString(3), rs.getString(4)));
				});
		}
		return names;
	}
}
