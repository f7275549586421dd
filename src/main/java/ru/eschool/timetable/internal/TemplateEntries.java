package ru.eschool.timetable.internal;

import java.sql.Types;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/** The weekly templates of a school's classes and groups. */
@Repository
public class TemplateEntries {

	private static final String SELECT = """
			select e.id, e.institution_id, e.academic_year_id, e.class_id, e.group_id, e.weekday, e.shift, e.number,
			       e.subject_id, e.teacher_id, e.room
			from timetable_template_entry e""";

	private final JdbcClient db;
	private final JdbcTemplate jdbc;

	TemplateEntries(JdbcClient db, JdbcTemplate jdbc) {
		this.db = db;
		this.jdbc = jdbc;
	}

	public List<TemplateEntry> ofClass(long classId) {
		return db.sql(SELECT + " where e.class_id = :c order by e.weekday, e.shift, e.number, e.group_id, e.id")
			.param("c", classId).query(TemplateEntries::entry).list();
	}

	/** All template lines of a school, in one statement. */
	public List<TemplateEntry> ofInstitution(long institutionId) {
		return db.sql(SELECT + " where e.institution_id = :i order by e.class_id, e.weekday, e.shift, e.number, e.id")
			.param("i", institutionId).query(TemplateEntries::entry).list();
	}

	/** An entry of the institution, or empty (scoping). */
	public Optional<TemplateEntry> find(long institutionId, long entryId) {
		return db.sql(SELECT + " where e.id = :id and e.institution_id = :i").param("id", entryId)
			.param("i", institutionId).query(TemplateEntries::entry).optional();
	}

	/**
	 * The entries of a school's year on a weekday whose slot overlaps the given time, in any class
	 * and shift: the candidates for a conflict (one statement).
	 */
	public List<TemplateEntry> overlapping(long institutionId, long yearId, int weekday, LocalTime start,
			LocalTime end) {
		return db.sql(SELECT + """
				 join timetable_bell b on b.institution_id = e.institution_id and b.shift = e.shift and b.number = e.number
				where e.institution_id = :i and e.academic_year_id = :y and e.weekday = :w
				  and b.starts_at < :end and b.ends_at > :start order by e.id""")
			.param("i", institutionId).param("y", yearId).param("w", weekday).param("start", start).param("end", end)
			.query(TemplateEntries::entry).list();
	}

	public long insert(TemplateEntry e) {
		return Db.insert(db.sql("""
				insert into timetable_template_entry (institution_id, academic_year_id, class_id, group_id, weekday,
				  shift, number, subject_id, teacher_id, room)
				values (:i, :y, :c, :g, :w, :s, :n, :sub, :t, :r)""").param("i", e.institutionId())
			.param("y", e.academicYearId()).param("c", e.classId()).param("g", e.groupId()).param("w", e.weekday())
			.param("s", e.shift()).param("n", e.number()).param("sub", e.subjectId()).param("t", e.teacherId())
			.param("r", e.room()));
	}

	/** Many entries in one batch (set-up of a whole school). */
	public void insertAll(List<TemplateEntry> entries) {
		jdbc.batchUpdate("""
				insert into timetable_template_entry (institution_id, academic_year_id, class_id, group_id, weekday,
				  shift, number, subject_id, teacher_id, room) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries, 1000,
				(ps, e) -> {
					ps.setLong(1, e.institutionId());
					ps.setLong(2, e.academicYearId());
					ps.setLong(3, e.classId());
					if (e.groupId() == null) {
						ps.setNull(4, Types.BIGINT);
					}
					else {
						ps.setLong(4, e.groupId());
					}
					ps.setInt(5, e.weekday());
					ps.setInt(6, e.shift());
					ps.setInt(7, e.number());
					ps.setLong(8, e.subjectId());
					ps.setLong(9, e.teacherId());
					ps.setString(10, e.room());
				});
	}

	public void delete(long entryId) {
		db.sql("delete from timetable_template_entry where id = :id").param("id", entryId).update();
	}

	/** How many template entries each class of the school has (one statement). */
	public Map<Long, Integer> countsByClass(long institutionId) {
		Map<Long, Integer> counts = new HashMap<>();
		db.sql("select class_id, count(*) from timetable_template_entry where institution_id = :i group by class_id")
			.param("i", institutionId).query(rs -> {
				counts.put(rs.getLong(1), rs.getInt(2));
			});
		return counts;
	}

	/** The slots ("shift/number") the school's templates use, with how many entries use each. */
	public Map<String, Integer> usedSlots(long institutionId) {
		Map<String, Integer> used = new HashMap<>();
		db.sql("select shift, number, count(*) from timetable_template_entry where institution_id = :i group by shift, number")
			.param("i", institutionId).query(rs -> {
				used.put(rs.getInt(1) + "/" + rs.getInt(2), rs.getInt(3));
			});
		return used;
	}

	private static TemplateEntry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new TemplateEntry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
				(Long) rs.getObject(5, Long.class), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getLong(9),
				rs.getLong(10), rs.getString(11));
	}
}
