package ru.eschool.timetable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Dated lessons, for the journal and the diary. Each read is one SQL statement whatever the
 * number of lessons. Callers check who may see the class; lessons hold no personal data.
 */
@Service
public class Lessons {

	static final String SELECT = """
			select id, institution_id, class_id, group_id, subject_id, teacher_id, substitute_id, lesson_date, shift,
			       number, starts_at, ends_at, room, status, moved_from_date, moved_from_number, change_reason, version
			from timetable_lesson""";

	private final JdbcClient db;

	Lessons(JdbcClient db) {
		this.db = db;
	}

	public Optional<Lesson> find(long lessonId) {
		return db.sql(SELECT + " where id = :id").param("id", lessonId).query(Lessons::lesson).optional();
	}

	/** The lessons of a class between two dates (inclusive), including its groups' lessons. */
	public List<Lesson> ofClass(long classId, LocalDate from, LocalDate to) {
		return db.sql(SELECT + " where class_id = :c and lesson_date between :f and :t order by lesson_date, shift, number, id")
			.param("c", classId).param("f", from).param("t", to).query(Lessons::lesson).list();
	}

	/** The lessons of several classes between two dates (a guardian's children), in one statement. */
	public List<Lesson> ofClasses(Collection<Long> classIds, LocalDate from, LocalDate to) {
		if (classIds.isEmpty()) {
			return List.of();
		}
		return db.sql(SELECT + " where class_id in (:c) and lesson_date between :f and :t order by lesson_date, shift, number, id")
			.param("c", classIds).param("f", from).param("t", to).query(Lessons::lesson).list();
	}

	/** The lessons a teacher gives (planned or as a substitute) between two dates. */
	public List<Lesson> ofTeacher(long staffId, LocalDate from, LocalDate to) {
		return db.sql(SELECT + " where (teacher_id = :s or substitute_id = :s) and lesson_date between :f and :t"
				+ " order by lesson_date, shift, number, id")
			.param("s", staffId).param("f", from).param("t", to).query(Lessons::lesson).list();
	}

	/** The lessons of one subject in a class (or one group of it) between two dates: the journal's columns. */
	public List<Lesson> ofSubject(long classId, long subjectId, LocalDate from, LocalDate to) {
		return db.sql(SELECT + " where class_id = :c and subject_id = :s and lesson_date between :f and :t"
				+ " order by lesson_date, shift, number, id")
			.param("c", classId).param("s", subjectId).param("f", from).param("t", to).query(Lessons::lesson).list();
	}

	/**
	 * The lessons of a school on a day whose time overlaps the given one, not cancelled, in any class
	 * and shift: who and which rooms are busy then (one statement).
	 */
	public List<Lesson> atTime(long institutionId, LocalDate date, LocalTime start, LocalTime end) {
		return db.sql(SELECT + " where institution_id = :i and lesson_date = :d and status <> 'CANCELLED'"
				+ " and starts_at < :end and ends_at > :start order by id")
			.param("i", institutionId).param("d", date).param("start", start).param("end", end)
			.query(Lessons::lesson).list();
	}

	static Lesson lesson(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Lesson(rs.getLong(1), rs.getLong(2), rs.getLong(3), (Long) rs.getObject(4, Long.class),
				rs.getLong(5), rs.getLong(6), (Long) rs.getObject(7, Long.class), rs.getObject(8, LocalDate.class),
				rs.getInt(9), rs.getInt(10), rs.getObject(11, LocalTime.class), rs.getObject(12, LocalTime.class),
				rs.getString(13), Lesson.Status.valueOf(rs.getString(14)), rs.getObject(15, LocalDate.class),
				(Integer) rs.getObject(16, Integer.class), rs.getString(17), rs.getInt(18));
	}

	/** The lessons of an institution between two dates (the admin's journal monitor, demo data), in one statement. */
	public List<Lesson> ofInstitution(long institutionId, LocalDate from, LocalDate to) {
		return db.sql(SELECT + " where institution_id = :i and lesson_date between :f and :t order by lesson_date, shift, number, id")
			.param("i", institutionId).param("f", from).param("t", to).query(Lessons::lesson).list();
	}
}
