package ru.eschool.school;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import ru.eschool.school.internal.Guardians.Relation;
import ru.eschool.school.internal.StaffMembers.Position;
import ru.eschool.shared.Db;

/**
 * Bulk set-up of a region's structure and people in a few batched statements: the demo region,
 * and later installation and import tools. It checks nothing about who asks; callers are
 * start-up code, never a web request. Batch methods return the new ids in the order of the rows.
 */
@Service
public class RegionSetup {

	public enum Scheme { QUARTER, TRIMESTER, HALF_YEAR }

	public record StudyPeriod(Scheme scheme, int number, LocalDate startsOn, LocalDate endsOn, int gradeFrom,
			int gradeTo) {
	}

	/** A holiday of the grades gradeFrom–gradeTo (1–11: every grade). */
	public record Holiday(String name, LocalDate startsOn, LocalDate endsOn, int gradeFrom, int gradeTo) {

		public Holiday(String name, LocalDate startsOn, LocalDate endsOn) {
			this(name, startsOn, endsOn, 1, 11);
		}
	}

	/** A staff member; position is one of DIRECTOR, DEPUTY, TEACHER, TUTOR, PSYCHOLOGIST, LIBRARIAN, OTHER. */
	public record NewStaff(PersonName name, String position) {
	}

	public record NewClass(int grade, String letter, @Nullable Long classTeacherId) {
	}

	public record NewGroup(long classId, String name) {
	}

	public record Assignment(long staffId, long subjectId, long classId, @Nullable Long groupId) {
	}

	public record Enrolment(long studentId, long classId, LocalDate joinedOn) {
	}

	public record GroupMember(long groupId, long studentId) {
	}

	/** A guardian; phone is stored as typed, so pass it normalised (+7XXXXXXXXXX) or null. */
	public record NewGuardian(PersonName name, @Nullable String phone) {
	}

	/** A guardian's link to a student; relation is one of MOTHER, FATHER, GUARDIAN, OTHER. */
	public record Link(long guardianId, long studentId, String relation) {
	}

	private final JdbcClient db;
	private final JdbcTemplate jdbc;
	private final Clock clock;

	RegionSetup(JdbcClient db, JdbcTemplate jdbc, Clock clock) {
		this.db = db;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<Long> municipality(String name) {
		return db.sql("select id from school_municipality where name = :n").param("n", name).query(Long.class)
			.optional();
	}

	public long createMunicipality(String name) {
		return Db.insert(db.sql("insert into school_municipality (name) values (:n)").param("n", name));
	}

	public long createSchool(long municipalityId, String name, String shortName) {
		return Db.insert(db.sql("""
				insert into school_institution (municipality_id, name, short_name, kind, created_at)
				values (:m, :n, :s, 'SCHOOL', :now)""").param("m", municipalityId).param("n", name)
			.param("s", shortName).param("now", Db.utc(clock.instant())));
	}

	/** Creates the institution's current academic year with its study periods and holidays. */
	public long createCurrentYear(long institutionId, String name, LocalDate startsOn, LocalDate endsOn,
			List<StudyPeriod> periods, List<Holiday> holidays) {
		db.sql("update school_academic_year set current_year = false where institution_id = :i")
			.param("i", institutionId).update();
		long year = Db.insert(db.sql("""
				insert into school_academic_year (institution_id, name, starts_on, ends_on, current_year)
				values (:i, :n, :s, :e, true)""").param("i", institutionId).param("n", name).param("s", startsOn)
			.param("e", endsOn));
		batch("""
				insert into school_study_period (academic_year_id, scheme, number, starts_on, ends_on, grade_from, grade_to)
				values (?, ?, ?, ?, ?, ?, ?)""", periods, (ps, p) -> {
			ps.setLong(1, year);
			ps.setString(2, p.scheme().name());
			ps.setInt(3, p.number());
			ps.setObject(4, p.startsOn());
			ps.setObject(5, p.endsOn());
			ps.setInt(6, p.gradeFrom());
			ps.setInt(7, p.gradeTo());
		});
		batch("""
				insert into school_holiday (academic_year_id, name, starts_on, ends_on, grade_from, grade_to)
				values (?, ?, ?, ?, ?, ?)""", holidays,
				(ps, h) -> {
					ps.setLong(1, year);
					ps.setString(2, h.name());
					ps.setObject(3, h.startsOn());
					ps.setObject(4, h.endsOn());
					ps.setInt(5, h.gradeFrom());
					ps.setInt(6, h.gradeTo());
				});
		return year;
	}

	public List<Long> createSubjects(long institutionId, List<String> names) {
		return insertAll("insert into school_subject (institution_id, name, pass_fail) values (?, ?, false)", names,
				(ps, n) -> {
					ps.setLong(1, institutionId);
					ps.setString(2, n);
				});
	}

	public List<Long> createStaff(long institutionId, List<NewStaff> staff) {
		return insertAll("""
				insert into school_staff (institution_id, last_name, first_name, middle_name, position, active)
				values (?, ?, ?, ?, ?, true)""", staff, (ps, s) -> {
			ps.setLong(1, institutionId);
			name(ps, 2, s.name());
			ps.setString(5, Position.valueOf(s.position()).name());
		});
	}

	public List<Long> createClasses(long institutionId, long yearId, List<NewClass> classes) {
		return insertAll("""
				insert into school_class (institution_id, academic_year_id, grade, letter, class_teacher_id)
				values (?, ?, ?, ?, ?)""", classes, (ps, c) -> {
			ps.setLong(1, institutionId);
			ps.setLong(2, yearId);
			ps.setInt(3, c.grade());
			ps.setString(4, c.letter());
			nullableLong(ps, 5, c.classTeacherId());
		});
	}

	public List<Long> createGroups(List<NewGroup> groups) {
		return insertAll("insert into school_class_group (class_id, name) values (?, ?)", groups, (ps, g) -> {
			ps.setLong(1, g.classId());
			ps.setString(2, g.name());
		});
	}

	public void assign(List<Assignment> assignments) {
		batch("insert into school_teaching_assignment (staff_id, subject_id, class_id, group_id) values (?, ?, ?, ?)",
				assignments, (ps, a) -> {
					ps.setLong(1, a.staffId());
					ps.setLong(2, a.subjectId());
					ps.setLong(3, a.classId());
					nullableLong(ps, 4, a.groupId());
				});
	}

	public List<Long> createStudents(long institutionId, List<PersonName> names) {
		return insertAll("""
				insert into school_student (institution_id, last_name, first_name, middle_name, active)
				values (?, ?, ?, ?, true)""", names, (ps, n) -> {
			ps.setLong(1, institutionId);
			name(ps, 2, n);
		});
	}

	public void enrol(List<Enrolment> enrolments) {
		batch("insert into school_enrolment (student_id, class_id, joined_on, reason) values (?, ?, ?, 'ENROLLED')",
				enrolments, (ps, e) -> {
					ps.setLong(1, e.studentId());
					ps.setLong(2, e.classId());
					ps.setObject(3, e.joinedOn());
				});
	}

	public void addToGroups(List<GroupMember> members) {
		batch("insert into school_group_member (group_id, student_id) values (?, ?)", members, (ps, m) -> {
			ps.setLong(1, m.groupId());
			ps.setLong(2, m.studentId());
		});
	}

	public List<Long> createGuardians(long institutionId, List<NewGuardian> guardians) {
		return insertAll("""
				insert into school_guardian (institution_id, last_name, first_name, middle_name, phone)
				values (?, ?, ?, ?, ?)""", guardians, (ps, g) -> {
			ps.setLong(1, institutionId);
			name(ps, 2, g.name());
			ps.setString(5, g.phone());
		});
	}

	public void link(List<Link> links) {
		batch("insert into school_guardianship (guardian_id, student_id, relation) values (?, ?, ?)", links,
				(ps, l) -> {
					ps.setLong(1, l.guardianId());
					ps.setLong(2, l.studentId());
					ps.setString(3, Relation.valueOf(l.relation()).name());
				});
	}

	@FunctionalInterface
	private interface RowSetter<T> {

		void set(PreparedStatement ps, T row) throws SQLException;
	}

	private static void name(PreparedStatement ps, int from, PersonName name) throws SQLException {
		ps.setString(from, name.last());
		ps.setString(from + 1, name.first());
		ps.setString(from + 2, name.middle());
	}

	private static void nullableLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.BIGINT);
		}
		else {
			ps.setLong(index, value);
		}
	}

	private <T> void batch(String sql, List<T> rows, RowSetter<T> setter) {
		if (rows.isEmpty()) {
			return;
		}
		jdbc.batchUpdate(sql, setter(rows, setter));
	}

	/** One batched insert; the generated ids come back in the order of the rows. */
	private <T> List<Long> insertAll(String sql, List<T> rows, RowSetter<T> setter) {
		if (rows.isEmpty()) {
			return List.of();
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.batchUpdate(con -> con.prepareStatement(sql, new String[] { "id" }), setter(rows, setter), keys);
		List<Long> ids = new ArrayList<>(rows.size());
		for (Map<String, Object> key : keys.getKeyList()) {
			Object id = key.size() == 1 ? key.values().iterator().next() : key.get("id");
			ids.add(((Number) id).longValue());
		}
		if (ids.size() != rows.size()) {
			throw new IllegalStateException("expected " + rows.size() + " generated ids, got " + ids.size());
		}
		return ids;
	}

	private static <T> BatchPreparedStatementSetter setter(List<T> rows, RowSetter<T> setter) {
		return new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				setter.set(ps, rows.get(i));
			}

			@Override
			public int getBatchSize() {
				return rows.size();
			}
		};
	}

	/** The institutions of a municipality, by id (one statement). */
	public List<Long> institutionsOf(long municipalityId) {
		return db.sql("select id from school_institution where municipality_id = :m order by id").param("m", municipalityId)
			.query(Long.class).list();
	}

	/** A school of a municipality by its short name ("Школа № 12"), if there is one. */
	public Optional<Long> institution(long municipalityId, String shortName) {
		return db.sql("select id from school_institution where municipality_id = :m and short_name = :s order by id")
			.param("m", municipalityId).param("s", shortName).query(Long.class).list().stream().findFirst();
	}
}
