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

	/** Subject names and staff short names by id, as {@link #subjects} and {@link #staffShort} give them. */
	public record SubjectsAndStaff(Map<Long, String> subjects, Map<Long, String> staff) {
	}

	/** Subject names and staff short names at once: one statement ({@code union all}), none when both are empty. */
	public SubjectsAndStaff subjectsAndStaff(Collection<Long> subjectIds, Collection<Long> staffIds) {
		if (subjectIds.isEmpty() || staffIds.isEmpty()) {
			return new SubjectsAndStaff(subjects(subjectIds), staffShort(staffIds));
		}
		Map<Long, String> subjects = new HashMap<>();
		Map<Long, String> staff = new HashMap<>();
		db.sql("""
				select 1, id, name, cast(null as varchar(1)), cast(null as varchar(1)) from school_subject where id in (:s)
				union all
				select 2, id, last_name, first_name, middle_name from school_staff where id in (:t)""")
			.param("s", subjectIds).param("t", staffIds).query(rs -> {
				if (rs.getInt(1) == 1) {
					subjects.put(rs.getLong(2), rs.getString(3));
				}
				else {
					staff.put(rs.getLong(2), new PersonName(rs.getString(3), rs.getString(4), rs.getString(5)).shortForm());
				}
			});
		return new SubjectsAndStaff(subjects, staff);
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
