package ru.eschool.school;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Names for pages that show other modules' records (lessons, homework): subjects, teachers'
 * short names, classes, each by ids in one statement. Names of subjects, staff and classes are
 * what every family sees in a timetable; callers have already scoped the ids they ask about.
 */
@Service
public class SchoolNames {

	private final JdbcClient db;

	SchoolNames(JdbcClient db) {
		this.db = db;
	}

	/** Subject names by id (one statement; none for an empty collection). */
	public Map<Long, String> subjects(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			db.sql("select id, name from school_subject where id in (:ids)").param("ids", ids)
				.query(rs -> {
					names.put(rs.getLong(1), rs.getString(2));
				});
		}
		return names;
	}

	/** Staff short names ("Иванова М. П.") by id (one statement). */
	public Map<Long, String> staffShort(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			db.sql("select id, last_name, first_name, middle_name from school_staff where id in (:ids)").param("ids", ids)
				.query(rs -> {
					names.put(rs.getLong(1), new PersonName(rs.getString(2), rs.getString(3), rs.getString(4)).shortForm());
				});
		}
		return names;
	}

	/** Class names ("5А") by id (one statement). */
	public Map<Long, String> classes(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			db.sql("select id, cast(grade as varchar(2)) || letter from school_class where id in (:ids)").param("ids", ids)
				.query(rs -> {
					names.put(rs.getLong(1), rs.getString(2));
				});
		}
		return names;
	}

	/** Names of class groups ("Английский, группа 1") by id (one statement). */
	public Map<Long, String> groups(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			db.sql("select id, name from school_class_group where id in (:ids)").param("ids", ids)
				.query(rs -> {
					names.put(rs.getLong(1), rs.getString(2));
				});
		}
		return names;
	}
}
