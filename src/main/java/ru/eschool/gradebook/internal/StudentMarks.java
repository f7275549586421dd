package ru.eschool.gradebook.internal;

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

/**
 * The journal as the family sees it: the cells of some students at some lessons with each mark's
 * type of work and weight, and their period marks. Each read is one statement.
 */
@Repository
public class StudentMarks {

	/** One mark with its type of work; {@code position} orders marks within a cell. */
	public record Row(long lessonId, long studentId, @Nullable Attendance attendance, @Nullable MarkValue value,
			@Nullable String workType, int weight, int position) {
	}

	private final JdbcClient db;

	StudentMarks(JdbcClient db) {
		this.db = db;
	}

	/**
	 * The cells of the students at the lessons, one row per mark (a cell without marks gives one row
	 * with a null value), ordered by cell and position. One statement.
	 */
	public List<Row> cells(Collection<Long> studentIds, Collection<Long> lessonIds) {
		return read(studentIds, lessonIds, null);
	}

	/**
	 * {@link #cells} and the lessons' topics ({@code topics}, by lesson id, filled in), still in one
	 * statement: {@code union all}, the first column telling which table a row is from.
	 */
	public List<Row> cellsAndTopics(Collection<Long> studentIds, Collection<Long> lessonIds, Map<Long, String> topics) {
		return read(studentIds, lessonIds, topics);
	}

	private List<Row> read(Collection<Long> studentIds, Collection<Long> lessonIds, @Nullable Map<Long, String> topics) {
		List<Row> rows = new ArrayList<>();
		if (studentIds.isEmpty() || lessonIds.isEmpty()) {
			return rows;
		}
		db.sql("""
				select 1, c.lesson_id, c.student_id, c.attendance, m.mark_value, w.name, w.weight, m.position, c.id
				from gradebook_cell c
				left join gradebook_mark m on m.cell_id = c.id
				left join gradebook_work_type w on w.id = m.work_type_id
				where c.student_id in (:s) and c.lesson_id in (:l)
				""" + (topics == null ? "" : """
				union all
				select 2, lesson_id, cast(null as bigint), cast(null as varchar(2)), cast(null as varchar(2)), topic,
				  cast(null as int), cast(null as int), cast(null as bigint)
				from gradebook_lesson where lesson_id in (:l) and topic is not null
				""") + "order by 1, 9, 8").param("s", studentIds).param("l", lessonIds)
			.query(rs -> {
				if (topics != null && rs.getInt(1) == 2) {
					topics.put(rs.getLong(2), rs.getString(6));
					return;
				}
				String a = rs.getString(4);
				String v = rs.getString(5);
				rows.add(new Row(rs.getLong(2), rs.getLong(3), a == null ? null : Attendance.valueOf(a),
						v == null ? null : MarkValue.ofCode(v), rs.getString(6), rs.getInt(7), rs.getInt(8)));
			});
		return rows;
	}

	/** A student's period marks in the periods, by subject and period: the value and the proposal it was set from. */
	public Map<Long, Map<Long, MarkValue>> periodMarks(long studentId, Collection<Long> periodIds) {
		Map<Long, Map<Long, MarkValue>> marks = new HashMap<>();
		if (periodIds.isEmpty()) {
			return marks;
		}
		db.sql("select subject_id, period_id, mark_value from gradebook_period_mark where student_id = :s and period_id in (:p)")
			.param("s", studentId).param("p", periodIds)
			.query(rs -> {
				marks.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), MarkValue.ofCode(rs.getString(3)));
			});
		return marks;
	}
}
