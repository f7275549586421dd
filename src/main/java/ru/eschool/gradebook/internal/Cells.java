package ru.eschool.gradebook.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.gradebook.Attendance;
import ru.eschool.gradebook.MarkValue;
import ru.eschool.shared.Db;

/** The journal's cells: per (lesson, student) the attendance and the marks, guarded by a version. */
@Repository
public class Cells {

	public record Mark(long id, int position, MarkValue value, long workTypeId) {
	}

	public record Cell(long id, long lessonId, long studentId, @Nullable Attendance attendance, int version,
			List<Mark> marks) {
	}

	public record Key(long lessonId, long studentId) {
	}

	private final JdbcClient db;

	Cells(JdbcClient db) {
		this.db = db;
	}

	/** The cells of the lessons with their marks, in one statement. */
	public Map<Key, Cell> ofLessons(Collection<Long> lessonIds) {
		Map<Key, Cell> cells = new HashMap<>();
		if (lessonIds.isEmpty()) {
			return cells;
		}
		db.sql("""
				select c.id, c.lesson_id, c.student_id, c.attendance, c.version, m.id, m.position, m.mark_value, m.work_type_id
				from gradebook_cell c left join gradebook_mark m on m.cell_id = c.id
				where c.lesson_id in (:l) order by c.id, m.position""").param("l", lessonIds)
			.query(rs -> {
				Key key = new Key(rs.getLong(2), rs.getLong(3));
				Cell cell = cells.computeIfAbsent(key, k -> {
					try {
						String a = rs.getString(4);
						return new Cell(rs.getLong(1), k.lessonId(), k.studentId(), a == null ? null : Attendance.valueOf(a),
								rs.getInt(5), new ArrayList<>());
					}
					catch (java.sql.SQLException e) {
						throw new IllegalStateException(e);
					}
				});
				long markId = rs.getLong(6);
				if (!rs.wasNull()) {
					cell.marks().add(new Mark(markId, rs.getInt(7), MarkValue.ofCode(rs.getString(8)), rs.getLong(9)));
				}
			});
		return cells;
	}

	/** A new cell at version 1; a concurrent insert of the same cell fails on its unique key. */
	public long create(long institutionId, long lessonId, long studentId, @Nullable Attendance attendance) {
		return Db.insert(db.sql("""
				insert into gradebook_cell (institution_id, lesson_id, student_id, attendance, version)
				values (:i, :l, :s, :a, 1)""").param("i", institutionId).param("l", lessonId).param("s", studentId)
			.param("a", attendance == null ? null : attendance.name()));
	}

	/** Moves the cell from the version the editor saw to the next; false if someone was quicker. */
	public boolean update(long cellId, int seenVersion, @Nullable Attendance attendance) {
		return db.sql("update gradebook_cell set attendance = :a, version = version + 1 where id = :id and version = :v")
			.param("a", attendance == null ? null : attendance.name()).param("id", cellId).param("v", seenVersion)
			.update() == 1;
	}

	public long insertMark(long cellId, long lessonId, long studentId, int position, MarkValue value, long workTypeId,
			long accountId, Instant at) {
		return Db.insert(db.sql("""
				insert into gradebook_mark (cell_id, lesson_id, student_id, position, mark_value, work_type_id, posted_by, posted_at)
				values (:c, :l, :s, :p, :v, :w, :by, :at)""").param("c", cellId).param("l", lessonId).param("s", studentId)
			.param("p", position).param("v", value.code()).param("w", workTypeId).param("by", accountId)
			.param("at", Db.utc(at)));
	}

	public void updateMark(long markId, MarkValue value, long workTypeId) {
		db.sql("update gradebook_mark set mark_value = :v, work_type_id = :w where id = :id").param("v", value.code())
			.param("w", workTypeId).param("id", markId).update();
	}

	public void deleteMark(long markId) {
		db.sql("delete from gradebook_mark where id = :id").param("id", markId).update();
	}

	/** The lessons of the institution with any mark or attendance entry (one statement; the journal monitor). */
	public java.util.Set<Long> lessonsWithEntries(long institutionId) {
		return new java.util.HashSet<>(db.sql("""
				select distinct c.lesson_id from gradebook_cell c where c.institution_id = :i
				  and (c.attendance is not null or exists (select 1 from gradebook_mark m where m.cell_id = c.id))""")
			.param("i", institutionId).query(Long.class).list());
	}
}
