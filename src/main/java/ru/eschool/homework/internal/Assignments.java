package ru.eschool.homework.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.homework.HomeworkBoard.Assignment;
import ru.eschool.homework.HomeworkBoard.Attachment;
import ru.eschool.homework.HomeworkBoard.Due;
import ru.eschool.homework.HomeworkBoard.HandInState;
import ru.eschool.shared.Db;

/** Homework assignments with their links and files. */
@Repository
public class Assignments {

	/** An assignment row without its links and files. */
	public record Row(long id, long institutionId, long lessonId, long classId, @Nullable Long groupId, long subjectId,
			@Nullable Long dueLessonId, LocalDate dueOn, String body, boolean handIn) {
	}

	/** A stored file of an assignment. */
	public record FileRow(long id, long assignmentId, String sha256, String name, String mediaType, long size) {
	}

	private static final String SELECT = """
			select id, institution_id, lesson_id, class_id, group_id, subject_id, due_lesson_id, due_on, body, hand_in
			from homework_assignment""";

	private final JdbcClient db;

	Assignments(JdbcClient db) {
		this.db = db;
	}

	public Optional<Row> byLesson(long lessonId) {
		return db.sql(SELECT + " where lesson_id = :l").param("l", lessonId).query(Assignments::row).optional();
	}

	public Optional<Row> byId(long id) {
		return db.sql(SELECT + " where id = :id").param("id", id).query(Assignments::row).optional();
	}

	long insert(Row r, long setBy, Instant now) {
		return Db.insert(db.sql("""
				insert into homework_assignment (institution_id, lesson_id, class_id, group_id, subject_id, due_lesson_id,
				  due_on, body, hand_in, set_by, set_at)
				values (:i, :l, :c, :g, :s, :dl, :d, :b, :h, :by, :at)""")
			.param("i", r.institutionId()).param("l", r.lessonId()).param("c", r.classId()).param("g", r.groupId())
			.param("s", r.subjectId()).param("dl", r.dueLessonId()).param("d", r.dueOn()).param("b", r.body())
			.param("h", r.handIn()).param("by", setBy).param("at", Db.utc(now)));
	}

	/** Demo data only: homework set by the lesson's teacher, due at {@code due}. */
	public void insertForDemo(ru.eschool.timetable.Lesson l, ru.eschool.timetable.Lesson due, String text, Instant now) {
		insert(new Row(0, l.institutionId(), l.id(), l.classId(), l.groupId(), l.subjectId(), due.id(), due.date(), text, false),
				l.actualTeacherId(), now);
	}

	void update(Row r, long setBy, Instant now) {
		db.sql("""
				update homework_assignment set due_lesson_id = :dl, due_on = :d, body = :b, hand_in = :h, set_by = :by, set_at = :at
				where id = :id""")
			.param("dl", r.dueLessonId()).param("d", r.dueOn()).param("b", r.body()).param("h", r.handIn())
			.param("by", setBy).param("at", Db.utc(now)).param("id", r.id()).update();
	}

	public List<String> links(long assignmentId) {
		return db.sql("select url from homework_link where assignment_id = :a order by position").param("a", assignmentId)
			.query(String.class).list();
	}

	void replaceLinks(long assignmentId, List<String> urls) {
		db.sql("delete from homework_link where assignment_id = :a").param("a", assignmentId).update();
		for (int i = 0; i < urls.size(); i++) {
			db.sql("insert into homework_link (assignment_id, position, url) values (:a, :p, :u)").param("a", assignmentId)
				.param("p", i).param("u", urls.get(i)).update();
		}
	}

	public List<FileRow> files(long assignmentId) {
		return db.sql("select id, assignment_id, sha256, name, media_type, size_bytes from homework_file where assignment_id = :a order by id")
			.param("a", assignmentId).query(Assignments::file).list();
	}

	public Optional<FileRow> file(long fileId) {
		return db.sql("select id, assignment_id, sha256, name, media_type, size_bytes from homework_file where id = :f")
			.param("f", fileId).query(Assignments::file).optional();
	}

	void addFile(long assignmentId, HomeworkFiles.Stored f) {
		db.sql("insert into homework_file (assignment_id, sha256, name, media_type, size_bytes) values (:a, :h, :n, :t, :s)")
			.param("a", assignmentId).param("h", f.sha256()).param("n", f.name()).param("t", f.mediaType())
			.param("s", f.size()).update();
	}

	/** Removes the file from the assignment (the bytes stay: another assignment may share them). */
	int deleteFile(long assignmentId, long fileId) {
		return db.sql("delete from homework_file where id = :f and assignment_id = :a").param("f", fileId)
			.param("a", assignmentId).update();
	}

	/**
	 * Homework of the classes due between the dates with links and files, and the students'
	 * done-marks and hand-ins: the homework in one statement, the other four tables in a second
	 * ({@code union all}, the first column telling which table a row is from).
	 */
	public Due due(Collection<Long> classIds, Collection<Long> studentIds, LocalDate from, LocalDate to) {
		if (classIds.isEmpty()) {
			return Due.NONE;
		}
		List<Row> rows = db.sql(SELECT + " where class_id in (:c) and due_on between :f and :t order by due_on, id")
			.param("c", classIds).param("f", from).param("t", to).query(Assignments::row).list();
		if (rows.isEmpty()) {
			return Due.NONE;
		}
		List<Long> ids = rows.stream().map(Row::id).toList();
		// students: never empty in the statement (no student has id 0)
		Collection<Long> students = studentIds.isEmpty() ? List.of(0L) : studentIds;
		Map<Long, List<String>> links = new HashMap<>();
		Map<Long, List<Attachment>> files = new HashMap<>();
		Map<Long, Set<Long>> done = new HashMap<>();
		List<HandInState> handIns = new ArrayList<>();
		db.sql("""
				select 1, assignment_id, cast(position as bigint), url, cast(null as bigint) from homework_link
				  where assignment_id in (:ids)
				union all
				select 2, assignment_id, id, name, size_bytes from homework_file where assignment_id in (:ids)
				union all
				select 3, assignment_id, student_id, cast(null as varchar(1)), cast(null as bigint) from homework_done
				  where assignment_id in (:ids) and student_id in (:s)
				union all
				select 4, assignment_id, student_id, cast(null as varchar(1)), cast(mark as bigint) from homework_hand_in
				  where assignment_id in (:ids) and student_id in (:s)
				order by 1, 2, 3""").param("ids", ids).param("s", students).query(rs -> {
			long assignment = rs.getLong(2);
			switch (rs.getInt(1)) {
				case 1 -> links.computeIfAbsent(assignment, k -> new ArrayList<>()).add(rs.getString(4));
				case 2 -> files.computeIfAbsent(assignment, k -> new ArrayList<>())
					.add(new Attachment(rs.getLong(3), rs.getString(4), rs.getLong(5)));
				case 3 -> done.computeIfAbsent(rs.getLong(3), k -> new HashSet<>()).add(assignment);
				default -> {
					Long mark = rs.getObject(5, Long.class);
					handIns.add(new HandInState(assignment, rs.getLong(3), mark == null ? null : mark.intValue()));
				}
			}
		});
		List<Assignment> due = rows.stream()
			.map(r -> new Assignment(r.id(), r.lessonId(), r.classId(), r.groupId(), r.subjectId(), r.dueLessonId(),
					r.dueOn(), r.body(), r.handIn(), links.getOrDefault(r.id(), List.of()),
					files.getOrDefault(r.id(), List.of())))
			.toList();
		return new Due(due, done, handIns);
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), (Long) rs.getObject(5, Long.class),
				rs.getLong(6), (Long) rs.getObject(7, Long.class), rs.getObject(8, LocalDate.class), rs.getString(9),
				rs.getBoolean(10));
	}

	private static FileRow file(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new FileRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6));
	}
}
