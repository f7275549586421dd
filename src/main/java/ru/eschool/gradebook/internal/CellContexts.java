package ru.eschool.gradebook.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.gradebook.Attendance;
import ru.eschool.gradebook.Grading.RoundingRule;
import ru.eschool.gradebook.MarkValue;
import ru.eschool.gradebook.internal.Cells.Cell;
import ru.eschool.gradebook.internal.Cells.Mark;
import ru.eschool.gradebook.internal.GradingRules.Rules;
import ru.eschool.gradebook.internal.WorkTypes.WorkType;

/**
 * What the gradebook holds that an edit of one cell needs, read in one statement ({@code union all},
 * the first column telling which table a row is from): the school's grading rules and types of work,
 * the lesson's column type, whether the period is closed, and the cell with its marks. Posting a mark
 * is the journal's most frequent write; five reads of their own were a third of its statements.
 */
@Repository
public class CellContexts {

	/**
	 * @param types the school's types of work in order; empty when the school has none yet
	 *     ({@link WorkTypes#of} creates the defaults)
	 * @param columnTypeId the type of work the lesson's column is set to, if any
	 */
	public record CellContext(Rules rules, List<WorkType> types, @Nullable Long columnTypeId, boolean closed,
			@Nullable Cell cell) {
	}

	private final JdbcClient db;

	CellContexts(JdbcClient db) {
		this.db = db;
	}

	/** The context of the cell; {@code periodId} is the study period of the lesson's day, if there is one. */
	public CellContext of(long institutionId, long lessonId, long studentId, @Nullable Long periodId) {
		Rules[] rules = { Rules.DEFAULT };
		List<WorkType> types = new ArrayList<>();
		Long[] column = { null };
		boolean[] closed = { false };
		Cell[] cell = { null };
		db.sql("""
				select 1, cast(case when allow_one then 1 else 0 end as bigint), cast(threshold_five as bigint),
				  cast(threshold_four as bigint), cast(threshold_three as bigint), cast(null as bigint),
				  cast(null as varchar(200)), cast(null as varchar(20))
				from gradebook_settings where institution_id = :i
				union all
				select 2, id, cast(weight as bigint), cast(position as bigint), cast(null as bigint), cast(null as bigint),
				  name, cast(null as varchar(20))
				from gradebook_work_type where institution_id = :i
				union all
				select 3, work_type_id, cast(null as bigint), cast(null as bigint), cast(null as bigint), cast(null as bigint),
				  cast(null as varchar(200)), cast(null as varchar(20))
				from gradebook_lesson where lesson_id = :l
				union all
				select 4, period_id, cast(null as bigint), cast(null as bigint), cast(null as bigint), cast(null as bigint),
				  cast(null as varchar(200)), cast(null as varchar(20))
				from gradebook_period_closure where period_id = :p
				union all
				select 5, c.id, cast(c.version as bigint), m.id, cast(m.position as bigint), m.work_type_id, c.attendance,
				  m.mark_value
				from gradebook_cell c left join gradebook_mark m on m.cell_id = c.id
				where c.lesson_id = :l and c.student_id = :s""")
			.param("i", institutionId).param("l", lessonId).param("s", studentId)
			.param("p", periodId == null ? -1L : periodId)
			.query(rs -> {
				switch (rs.getInt(1)) {
					case 1 -> rules[0] = new Rules(rs.getLong(2) == 1,
							new RoundingRule(rs.getInt(3), rs.getInt(4), rs.getInt(5)));
					case 2 -> types.add(new WorkType(rs.getLong(2), rs.getString(7), rs.getInt(3), rs.getInt(4)));
					case 3 -> column[0] = (Long) rs.getObject(2, Long.class);
					case 4 -> closed[0] = true;
					default -> {
						if (cell[0] == null) {
							String a = rs.getString(7);
							cell[0] = new Cell(rs.getLong(2), lessonId, studentId, a == null ? null : Attendance.valueOf(a),
									rs.getInt(3), new ArrayList<>());
						}
						long markId = rs.getLong(4);
						if (!rs.wasNull()) {
							cell[0].marks().add(new Mark(markId, rs.getInt(5), MarkValue.ofCode(rs.getString(8)), rs.getLong(6)));
						}
					}
				}
			});
		types.sort(Comparator.comparingInt(WorkType::position).thenComparingLong(WorkType::id));
		if (cell[0] != null) {
			cell[0].marks().sort(Comparator.comparingInt(Mark::position));
		}
		return new CellContext(rules[0], types, column[0], closed[0], cell[0]);
	}
}
