package ru.eschool.school.internal;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.school.PersonName;
import ru.eschool.shared.Db;

/** Who teaches what to whom: a staff member, a subject, a class and optionally a group of it. */
@Repository
public class TeachingAssignments {

	public record Assignment(long id, long staffId, PersonName teacher, long subjectId, String subject,
			long classId, String className, @Nullable Long groupId, @Nullable String groupName) {
	}

	private static final String SELECT = """
			select a.id, a.staff_id, f.last_name, f.first_name, f.middle_name, a.subject_id, sub.name,
			       a.class_id, cast(c.grade as varchar(2)) || c.letter, a.group_id, g.name
			from school_teaching_assignment a
			join school_staff f on f.id = a.staff_id
			join school_subject sub on sub.id = a.subject_id
			join school_class c on c.id = a.class_id
			left join school_class_group g on g.id = a.group_id
			""";

	private final JdbcClient db;

	TeachingAssignments(JdbcClient db) {
		this.db = db;
	}

	public List<Assignment> ofStaff(long staffId) {
		return db.sql(SELECT + " where a.staff_id = :s order by c.grade, c.letter, sub.name, g.name")
			.param("s", staffId).query(TeachingAssignments::assignment).list();
	}

	public List<Assignment> ofClass(long classId) {
		return db.sql(SELECT + " where a.class_id = :c order by sub.name, g.name, f.last_name")
			.param("c", classId).query(TeachingAssignments::assignment).list();
	}

	/** An assignment of the institution's staff, or empty (scoping). */
	public Optional<Assignment> find(long institutionId, long assignmentId) {
		return db.sql(SELECT + " where a.id = :id and f.institution_id = :i").param("id", assignmentId)
			.param("i", institutionId).query(TeachingAssignments::assignment).optional();
	}

	public boolean exists(long staffId, long subjectId, long classId, @Nullable Long groupId) {
		String sql = "select count(*) from school_teaching_assignment where staff_id = :s and subject_id = :sub"
				+ " and class_id = :c and " + (groupId == null ? "group_id is null" : "group_id = :g");
		var spec = db.sql(sql).param("s", staffId).param("sub", subjectId).param("c", classId);
		if (groupId != null) {
			spec = spec.param("g", groupId);
		}
		return spec.query(Long.class).single() > 0;
	}

	public long add(long staffId, long subjectId, long classId, @Nullable Long groupId) {
		return Db.insert(db.sql("""
				insert into school_teaching_assignment (staff_id, subject_id, class_id, group_id)
				values (:s, :sub, :c, :g)""").param("s", staffId).param("sub", subjectId).param("c", classId)
			.param("g", groupId));
	}

	public void delete(long assignmentId) {
		db.sql("delete from school_teaching_assignment where id = :id").param("id", assignmentId).update();
	}

	/** Ends all assignments of a staff member (when they leave the school). */
	public void deleteOfStaff(long staffId) {
		db.sql("delete from school_teaching_assignment where staff_id = :s").param("s", staffId).update();
	}

	private static Assignment assignment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Assignment(rs.getLong(1), rs.getLong(2),
				new PersonName(rs.getString(3), rs.getString(4), rs.getString(5)), rs.getLong(6), rs.getString(7),
				rs.getLong(8), rs.getString(9), (Long) rs.getObject(10, Long.class), rs.getString(11));
	}
}
