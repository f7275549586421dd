package ru.eschool.school;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a school's timetable needs to know of it: its classes, who teaches what to whom (teaching
 * assignments), its active staff, and the names behind ids. No students' data here, so callers
 * scope by institution: every lookup by id takes the institution and answers empty for another
 * school's record.
 */
@Service
public class TeachingDirectory {

	/** A class of a school ("5А") in an academic year. */
	public record ClassInfo(long id, long institutionId, long academicYearId, int grade, String letter,
			@Nullable Long classTeacherId) {

		public String name() {
			return grade + letter;
		}
	}

	/** A teaching assignment: a staff member teaches a subject to a class or to one group of it. */
	public record Assignment(long id, long staffId, PersonName teacher, long subjectId, String subject, long classId,
			String className, @Nullable Long groupId, @Nullable String groupName) {
	}

	/** A group of a class ("Группа 1"). */
	public record Group(long id, long classId, String name) {
	}

	/** An active staff member who may teach a lesson (or stand in for a colleague); position as stored (TEACHER, DEPUTY, ...). */
	public record Teacher(long id, PersonName name, String position) {
	}

	/** Names by id, read in one statement; an unknown id is simply absent. */
	public record Names(Map<Long, String> subjects, Map<Long, PersonName> staff, Map<Long, String> classes,
			Map<Long, String> groups) {

		public String subject(long id) {
			return subjects.getOrDefault(id, "");
		}

		/** "Иванова М. П.", or "" for an unknown id. */
		public String staffShort(@Nullable Long id) {
			PersonName n = id == null ? null : staff.get(id);
			return n == null ? "" : n.shortForm();
		}

		public String className(long id) {
			return classes.getOrDefault(id, "");
		}

		public String group(@Nullable Long id) {
			return id == null ? "" : groups.getOrDefault(id, "");
		}
	}

	private static final String CLASS_SELECT = """
			select id, institution_id, academic_year_id, grade, letter, class_teacher_id from school_class""";

	private static final String ASSIGNMENT_SELECT = """
			select a.id, a.staff_id, f.last_name, f.first_name, f.middle_name, a.subject_id, sub.name,
			       a.class_id, cast(c.grade as varchar(2)) || c.letter, a.group_id, g.name
			from school_teaching_assignment a
			join school_staff f on f.id = a.staff_id
			join school_subject sub on sub.id = a.subject_id
			join school_class c on c.id = a.class_id
			left join school_class_group g on g.id = a.group_id
			""";

	private final JdbcClient db;

	TeachingDirectory(JdbcClient db) {
		this.db = db;
	}

	/** A class of the institution, or empty when it belongs to another (scoping). */
	public Optional<ClassInfo> schoolClass(long institutionId, long classId) {
		return db.sql(CLASS_SELECT + " where id = :id and institution_id = :i").param("id", classId)
			.param("i", institutionId).query(ClassInfo.class).optional();
	}

	/** The classes of the institution's current academic year, by grade and letter. */
	public List<ClassInfo> currentClasses(long institutionId) {
		return db.sql(CLASS_SELECT + """
				 where institution_id = :i and academic_year_id in
				   (select y.id from school_academic_year y where y.institution_id = :i and y.current_year)
				order by grade, letter""").param("i", institutionId).query(ClassInfo.class).list();
	}

	/** Who teaches what in a class (and its groups), by subject. */
	public List<Assignment> assignmentsOfClass(long classId) {
		return db.sql(ASSIGNMENT_SELECT + " where a.class_id = :c order by sub.name, g.name, f.last_name")
			.param("c", classId).query(TeachingDirectory::assignment).list();
	}

	/** Every teaching assignment in the classes of the institution's current year, in one statement. */
	public List<Assignment> assignmentsOfSchool(long institutionId) {
		return db.sql(ASSIGNMENT_SELECT + """
				 join school_academic_year y on y.id = c.academic_year_id and y.current_year
				where c.institution_id = :i order by c.grade, c.letter, sub.name, g.name""")
			.param("i", institutionId).query(TeachingDirectory::assignment).list();
	}

	/** The groups of a class, by name. */
	public List<Group> groupsOfClass(long classId) {
		return db.sql("select id, class_id, name from school_class_group where class_id = :c order by name")
			.param("c", classId).query(Group.class).list();
	}

	/** The institution's active staff, by name. */
	public List<Teacher> activeStaff(long institutionId) {
		return db.sql("""
				select id, last_name, first_name, middle_name, position from school_staff
				where institution_id = :i and active order by last_name, first_name, middle_name, id""")
			.param("i", institutionId)
			.query((rs, n) -> new Teacher(rs.getLong(1), new PersonName(rs.getString(2), rs.getString(3), rs.getString(4)),
					rs.getString(5)))
			.list();
	}

	/** An active staff member of the institution, or empty (scoping). */
	public Optional<Teacher> activeStaffMember(long institutionId, long staffId) {
		return db.sql("""
				select id, last_name, first_name, middle_name, position from school_staff
				where id = :id and institution_id = :i and active""").param("id", staffId).param("i", institutionId)
			.query((rs, n) -> new Teacher(rs.getLong(1), new PersonName(rs.getString(2), rs.getString(3), rs.getString(4)),
					rs.getString(5)))
			.optional();
	}

	/** The names of subjects, staff, classes and groups by id, in one statement whatever the number of ids. */
	public Names names(Collection<Long> subjectIds, Collection<Long> staffIds, Collection<Long> classIds,
			Collection<Long> groupIds) {
		Map<Long, String> subjects = new HashMap<>();
		Map<Long, PersonName> staff = new HashMap<>();
		Map<Long, String> classes = new HashMap<>();
		Map<Long, String> groups = new HashMap<>();
		db.sql("""
				select 'S', id, name, null, null from school_subject where id in (:s)
				union all select 'T', id, last_name, first_name, middle_name from school_staff where id in (:t)
				union all select 'C', id, cast(grade as varchar(2)) || letter, null, null from school_class where id in (:c)
				union all select 'G', id, name, null, null from school_class_group where id in (:g)""")
			.param("s", orNone(subjectIds)).param("t", orNone(staffIds)).param("c", orNone(classIds))
			.param("g", orNone(groupIds))
			.query(rs -> {
				long id = rs.getLong(2);
				switch (rs.getString(1)) {
					case "S" -> subjects.put(id, rs.getString(3));
					case "T" -> staff.put(id, new PersonName(rs.getString(3), rs.getString(4), rs.getString(5)));
					case "C" -> classes.put(id, rs.getString(3));
					default -> groups.put(id, rs.getString(3));
				}
			});
		return new Names(subjects, staff, classes, groups);
	}

	/** An "in (...)" list never empty: -1 matches no id. */
	private static Collection<Long> orNone(Collection<Long> ids) {
		return ids.isEmpty() ? List.of(-1L) : ids;
	}

	private static Assignment assignment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Assignment(rs.getLong(1), rs.getLong(2),
				new PersonName(rs.getString(3), rs.getString(4), rs.getString(5)), rs.getLong(6), rs.getString(7),
				rs.getLong(8), rs.getString(9), (Long) rs.getObject(10, Long.class), rs.getString(11));
	}
}
