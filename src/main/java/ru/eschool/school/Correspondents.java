package ru.eschool.school;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.eschool.shared.Role;

/**
 * Who may talk to whom, for the messaging module. The relations are the school's: a guardian with
 * the teachers and class teachers of their children and with the school's administration (while a
 * child of theirs is in a current class of the school, as the administration sees them); a
 * student with their teachers and class teacher; staff with the staff of their school; and the
 * other way round (a teacher with the students they teach or lead and those students' guardians,
 * an administration member with the guardians of the school). Only current classes of the current
 * academic year and active staff count. Each question is one statement.
 */
@Service
public class Correspondents {

	/** How a correspondent stands to the person asking. */
	public enum Relation {
		/** A teacher of one of my children (detail: subject, class). */
		CHILD_TEACHER,
		/** The class teacher of one of my children, or of me (detail: class). */
		CLASS_TEACHER,
		/** A teacher of mine (detail: subject). */
		MY_TEACHER,
		/** A member of my school's staff, reachable in the school admin role (for families). */
		ADMINISTRATION,
		/** A colleague of my school (detail: position). */
		COLLEAGUE,
		/** A student I teach or lead (detail: class). */
		MY_STUDENT,
		/** A guardian of a student I teach or lead (detail: child, class). */
		STUDENT_GUARDIAN,
		/** A guardian of a student of my school, for its administration (detail: child, class). */
		SCHOOL_GUARDIAN
	}

	/** A person one may write to: the kind of person record (staff, student, guardian) and its id. */
	public record Correspondent(Relation relation, Kind kind, long personId, PersonName name, String detail) {
	}

	/** The kind of person record an id points to. */
	public enum Kind {
		STAFF, STUDENT, GUARDIAN
	}

	/** A class someone may address an announcement to. */
	public record ClassRef(long id, String name) {
	}

	/** An institution of the region, for regional announcements. */
	public record InstitutionRef(long id, String shortName) {
	}

	private static final String CURRENT_CLASS = """
			join school_enrolment e on e.student_id = %s and e.left_on is null
			join school_class c on c.id = e.class_id and c.institution_id = :i
			join school_academic_year y on y.id = c.academic_year_id and y.current_year = true
			""";

	private static final String TEACHES = """
			(ta.group_id is null or exists (select 1 from school_group_member gm where gm.group_id = ta.group_id and gm.student_id = e.student_id))""";

	private final JdbcClient db;

	Correspondents(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Everyone the person (acting in {@code role} in the institution) may write to, each relation
	 * once per person, merged details. One statement.
	 */
	public List<Correspondent> of(Role role, long institutionId, long personId) {
		return read(role, institutionId, personId, null);
	}

	/**
	 * {@link #of} narrowed to one other person's id (of the staff, a student or a guardian, as the
	 * relation says): whether, and how, the person may write to them, without reading everyone
	 * (a school's administration may write to every guardian of the school). One statement.
	 */
	public List<Correspondent> withPerson(Role role, long institutionId, long personId, long otherPersonId) {
		return read(role, institutionId, personId, otherPersonId);
	}

	private List<Correspondent> read(Role role, long institutionId, long personId, @Nullable Long otherPersonId) {
		String sql = switch (role) {
			case GUARDIAN -> guardianSql();
			case STUDENT -> studentSql();
			case TEACHER -> staffSql(false);
			case SCHOOL_ADMIN -> staffSql(true);
			case REGION_ADMIN -> null;
		};
		if (sql == null) {
			return List.of();
		}
		sql = otherPersonId == null ? sql + "order by 1, 4, 5, 3, 7"
				: "select * from (" + sql + ") x where x.person_id = :o order by 1, 4, 5, 3, 7";
		Map<String, Correspondent> found = new LinkedHashMap<>();
		db.sql(sql).param("i", institutionId).param("p", personId).param("o", otherPersonId == null ? 0L : otherPersonId)
			.query(rs -> {
			Relation relation = Relation.valueOf(rs.getString(1));
			Kind kind = Kind.valueOf(rs.getString(2));
			long id = rs.getLong(3);
			String detail = rs.getString(7) == null ? "" : rs.getString(7);
			String key = relation + ":" + kind + ":" + id;
			Correspondent old = found.get(key);
			if (old == null) {
				found.put(key, new Correspondent(relation, kind, id,
						new PersonName(rs.getString(4), rs.getString(5), rs.getString(6)), detail));
			}
			else if (!detail.isEmpty() && !(", " + old.detail() + ", ").contains(", " + detail + ", ")) {
				found.put(key, new Correspondent(relation, kind, id, old.name(),
						old.detail().isEmpty() ? detail : old.detail() + ", " + detail));
			}
		});
		// by relation as the enum lists them (a family's teachers first), by name within one
		return found.values().stream().sorted(java.util.Comparator.comparing(c -> c.relation().ordinal())).toList();
	}

	private static String guardianSql() {
		return """
				select 'CHILD_TEACHER' relation, 'STAFF' kind, s.id person_id, s.last_name, s.first_name, s.middle_name,
				  sub.name || ' · ' || cast(c.grade as varchar(2)) || c.letter detail
				from school_guardianship gs
				""" + CURRENT_CLASS.formatted("gs.student_id") + """
				join school_teaching_assignment ta on ta.class_id = c.id
				join school_staff s on s.id = ta.staff_id and s.active = true
				join school_subject sub on sub.id = ta.subject_id
				where gs.guardian_id = :p and """ + TEACHES + """
				union all
				select 'CLASS_TEACHER', 'STAFF', s.id, s.last_name, s.first_name, s.middle_name, cast(c.grade as varchar(2)) || c.letter
				from school_guardianship gs
				""" + CURRENT_CLASS.formatted("gs.student_id") + """
				join school_staff s on s.id = c.class_teacher_id and s.active = true
				where gs.guardian_id = :p
				union all
				select 'ADMINISTRATION', 'STAFF', s.id, s.last_name, s.first_name, s.middle_name, ''
				from school_staff s join school_guardian g on g.id = :p and g.institution_id = s.institution_id
				where s.institution_id = :i and s.active = true and exists (
				  select 1 from school_guardianship gs
				  join school_student st on st.id = gs.student_id and st.active = true
				""" + CURRENT_CLASS.formatted("gs.student_id") + """
				  where gs.guardian_id = :p)
				""";
	}

	private static String studentSql() {
		return """
				select 'MY_TEACHER' relation, 'STAFF' kind, s.id person_id, s.last_name, s.first_name, s.middle_name, sub.name detail
				from school_student st
				""" + CURRENT_CLASS.formatted("st.id") + """
				join school_teaching_assignment ta on ta.class_id = c.id
				join school_staff s on s.id = ta.staff_id and s.active = true
				join school_subject sub on sub.id = ta.subject_id
				where st.id = :p and st.active = true and """ + TEACHES + """
				union all
				select 'CLASS_TEACHER', 'STAFF', s.id, s.last_name, s.first_name, s.middle_name, cast(c.grade as varchar(2)) || c.letter
				from school_student st
				""" + CURRENT_CLASS.formatted("st.id") + """
				join school_staff s on s.id = c.class_teacher_id and s.active = true
				where st.id = :p and st.active = true
				""";
	}

	/** Colleagues; the students (and their guardians) of classes the teacher teaches or leads; for the administration every guardian of the school. */
	private static String staffSql(boolean admin) {
		String mine = """
				select e.student_id, c.grade, c.letter from school_class c
				join school_academic_year y on y.id = c.academic_year_id and y.current_year = true
				join school_enrolment e on e.class_id = c.id and e.left_on is null
				where c.institution_id = :i and (c.class_teacher_id = :p or exists (
				  select 1 from school_teaching_assignment ta where ta.class_id = c.id and ta.staff_id = :p and """ + TEACHES + "))";
		String sql = """
				select 'COLLEAGUE' relation, 'STAFF' kind, s.id person_id, s.last_name, s.first_name, s.middle_name, s.position detail
				from school_staff s join school_staff me on me.id = :p and me.institution_id = s.institution_id and me.active = true
				where s.institution_id = :i and s.active = true and s.id <> :p
				union all
				select 'MY_STUDENT', 'STUDENT', st.id, st.last_name, st.first_name, st.middle_name, cast(m.grade as varchar(2)) || m.letter
				from (""" + mine + """
				) m join school_student st on st.id = m.student_id and st.active = true
				union all
				select 'STUDENT_GUARDIAN', 'GUARDIAN', g.id, g.last_name, g.first_name, g.middle_name, st.last_name || ' ' || st.first_name || ' · ' || cast(m.grade as varchar(2)) || m.letter
				from (""" + mine + """
				) m join school_student st on st.id = m.student_id and st.active = true
				join school_guardianship gs on gs.student_id = st.id
				join school_guardian g on g.id = gs.guardian_id
				""";
		if (admin) {
			sql += """
					union all
					select 'SCHOOL_GUARDIAN', 'GUARDIAN', g.id, g.last_name, g.first_name, g.middle_name, st.last_name || ' ' || st.first_name || ' · ' || cast(c.grade as varchar(2)) || c.letter
					from school_student st
					""" + CURRENT_CLASS.formatted("st.id") + """
					join school_guardianship gs on gs.student_id = st.id
					join school_guardian g on g.id = gs.guardian_id
					join school_staff me on me.id = :p and me.institution_id = :i and me.active = true
					where st.institution_id = :i and st.active = true
					""";
		}
		return sql;
	}

	/** The current classes a staff member teaches (any subject or group) or leads, by grade and letter. One statement. */
	public List<ClassRef> classesOf(long institutionId, long staffId) {
		return db.sql("""
				select c.id, c.grade, c.letter from school_class c
				join school_academic_year y on y.id = c.academic_year_id and y.current_year = true
				where c.institution_id = :i and (c.class_teacher_id = :s
				  or exists (select 1 from school_teaching_assignment ta where ta.class_id = c.id and ta.staff_id = :s))
				order by c.grade, c.letter""").param("i", institutionId).param("s", staffId)
			.query((rs, n) -> new ClassRef(rs.getLong(1), rs.getInt(2) + rs.getString(3))).list();
	}

	/** The current classes of a school, by grade and letter. One statement. */
	public List<ClassRef> classesOfSchool(long institutionId) {
		return db.sql("""
				select c.id, c.grade, c.letter from school_class c
				join school_academic_year y on y.id = c.academic_year_id and y.current_year = true
				where c.institution_id = :i order by c.grade, c.letter""").param("i", institutionId)
			.query((rs, n) -> new ClassRef(rs.getLong(1), rs.getInt(2) + rs.getString(3))).list();
	}

	/** Every institution of the region, by short name. One statement. */
	public List<InstitutionRef> institutions() {
		return db.sql("select id, short_name from school_institution order by short_name")
			.query((rs, n) -> new InstitutionRef(rs.getLong(1), rs.getString(2))).list();
	}

	/** Whether the staff member is active in the institution (for checks that need only that). */
	public boolean activeStaff(long institutionId, @Nullable Long staffId) {
		return staffId != null && db.sql("select count(*) from school_staff where id = :s and institution_id = :i and active = true")
			.param("s", staffId).param("i", institutionId).query(Long.class).single() > 0;
	}
}
