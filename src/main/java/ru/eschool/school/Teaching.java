package ru.eschool.school;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the journal may ask of the school about teaching: a teacher's class × subject (× group)
 * pairs, a class and subject within an institution, and the students of a class (or group) over
 * a span of dates. Callers check the actor first; each method is one SQL statement.
 */
@Service
public class Teaching {

	/** One journal a teacher keeps: a subject in a class, or in one group of it. */
	public record Assignment(long classId, String className, long subjectId, String subjectName,
			@Nullable Long groupId, @Nullable String groupName) {
	}

	/** A class and a subject of the same institution, with the subject's pass/fail flag. */
	public record ClassSubject(long institutionId, long classId, String className, int grade, @Nullable Long classTeacherId,
			long subjectId, String subjectName, boolean passFail) {
	}

	/**
	 * A student of a class during a span: enrolled from {@code joinedOn} to before {@code leftOn}
	 * (null: still there), member of {@code groups} of the class.
	 */
	public record Pupil(long id, PersonName name, LocalDate joinedOn, @Nullable LocalDate leftOn, Set<Long> groups) {

		public boolean enrolledOn(LocalDate day) {
			return !day.isBefore(joinedOn) && (leftOn == null || day.isBefore(leftOn));
		}
	}

	private final JdbcClient db;

	Teaching(JdbcClient db) {
		this.db = db;
	}

	/** The class × subject (× group) pairs a teacher is assigned to, in grade and subject order. */
	public List<Assignment> assignmentsOf(long institutionId, long staffId) {
		return db.sql("""
				select distinct c.id, cast(c.grade as varchar(2)) || c.letter, sub.id, sub.name, g.id, g.name, c.grade, c.letter
				from school_teaching_assignment a
				join school_class c on c.id = a.class_id
				join school_subject sub on sub.id = a.subject_id
				left join school_class_group g on g.id = a.group_id
				where a.staff_id = :s and c.institution_id = :i
				order by c.grade, c.letter, sub.name, g.name""").param("s", staffId).param("i", institutionId)
			.query((rs, n) -> new Assignment(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					(Long) rs.getObject(5, Long.class), rs.getString(6)))
			.list();
	}

	/** The class and subject if both belong to the institution; empty otherwise. */
	public Optional<ClassSubject> classSubject(long institutionId, long classId, long subjectId) {
		return db.sql("""
				select c.institution_id, c.id, cast(c.grade as varchar(2)) || c.letter, c.grade, c.class_teacher_id,
				       sub.id, sub.name, sub.pass_fail
				from school_class c join school_subject sub on sub.institution_id = c.institution_id
				where c.id = :c and sub.id = :sub and c.institution_id = :i""")
			.param("c", classId).param("sub", subjectId).param("i", institutionId)
			.query((rs, n) -> new ClassSubject(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
					(Long) rs.getObject(5, Long.class), rs.getLong(6), rs.getString(7), rs.getBoolean(8)))
			.optional();
	}

	/**
	 * The students enrolled in the class at any time between the dates (inclusive), with their
	 * groups of that class, ordered by name. One statement.
	 */
	public List<Pupil> pupils(long classId, LocalDate from, LocalDate to) {
		return read(classId, null, from, to);
	}

	/**
	 * One student of the class as {@link #pupils} gives them, if enrolled at any time between the
	 * dates: one statement that reads that student only (posting a mark asks this).
	 */
	public Optional<Pupil> pupil(long classId, long studentId, LocalDate from, LocalDate to) {
		return read(classId, studentId, from, to).stream().findFirst();
	}

	private List<Pupil> read(long classId, @Nullable Long studentId, LocalDate from, LocalDate to) {
		Map<Long, Pupil> pupils = new LinkedHashMap<>();
		db.sql("""
				select s.id, s.last_name, s.first_name, s.middle_name, e.joined_on, e.left_on, m.group_id
				""" + PUPIL_FROM + (studentId == null ? "" : "  and e.student_id = :s\n") + """
				order by s.last_name, s.first_name, s.id, e.joined_on""")
			.param("c", classId).param("from", from).param("to", to).param("s", studentId == null ? 0L : studentId)
			.query((RowCallbackHandler) rs -> addPupil(pupils, rs, 0));
		return new ArrayList<>(pupils.values());
	}

	/** The enrolments of a class between :from and :to, with each student's groups of that class. */
	private static final String PUPIL_FROM = """
			from school_enrolment e
			join school_student s on s.id = e.student_id
			left join school_group_member m on m.student_id = s.id
			  and m.group_id in (select g.id from school_class_group g where g.class_id = e.class_id)
			where e.class_id = :c and e.joined_on <= :to and (e.left_on is null or e.left_on > :from)
			""";

	/**
	 * Adds a row of id, last, first and middle name, joined, left and group (from column
	 * {@code offset + 1} on) to the pupils: a student's rows come in the order of their enrolments.
	 */
	private static void addPupil(Map<Long, Pupil> pupils, java.sql.ResultSet rs, int offset) throws java.sql.SQLException {
		long id = rs.getLong(offset + 1);
		LocalDate joined = rs.getObject(offset + 5, LocalDate.class);
		LocalDate left = rs.getObject(offset + 6, LocalDate.class);
		Long group = (Long) rs.getObject(offset + 7, Long.class);
		Pupil p = pupils.get(id);
		if (p == null) {
			p = new Pupil(id, new PersonName(rs.getString(offset + 2), rs.getString(offset + 3), rs.getString(offset + 4)),
					joined, left, new TreeSet<>());
			pupils.put(id, p);
		}
		else if (left == null || (p.leftOn() != null && left.isAfter(p.leftOn()))) {
			// enrolled twice in the same class: the span covers both
			p = new Pupil(id, p.name(), p.joinedOn().isBefore(joined) ? p.joinedOn() : joined, left, p.groups());
			pupils.put(id, p);
		}
		if (group != null) {
			p.groups().add(group);
		}
	}

	/**
	 * A class and subject of the institution on a day, with one student of the class as
	 * {@link #pupil} gives them (null: not enrolled that day) and the class's study period of that
	 * day (null: none, as on holidays between periods).
	 */
	public record PupilOnDay(ClassSubject subject, @Nullable Pupil pupil, StudyCalendar.@Nullable StudyPeriod period) {
	}

	/**
	 * {@link #classSubject}, {@link #pupil} for the one day and the class's study period of that
	 * day, in one statement (posting a mark asks this); empty when the class or the subject is not
	 * the institution's.
	 */
	public Optional<PupilOnDay> pupilOnDay(long institutionId, long classId, long subjectId, long studentId, LocalDate day) {
		ClassSubject[] subject = { null };
		StudyCalendar.StudyPeriod[] period = { null };
		Map<Long, Pupil> pupils = new LinkedHashMap<>();
		db.sql("""
				select 1, c.institution_id, cast(c.grade as varchar(2)) || c.letter, sub.name, cast(null as varchar(200)),
				  cast(null as date), cast(null as date), c.id, cast(c.grade as bigint), c.class_teacher_id, sub.id,
				  cast(case when sub.pass_fail then 1 else 0 end as bigint)
				from school_class c join school_subject sub on sub.institution_id = c.institution_id
				where c.id = :c and sub.id = :sub and c.institution_id = :i
				union all
				select 2, s.id, s.last_name, s.first_name, s.middle_name, e.joined_on, e.left_on, m.group_id,
				  cast(null as bigint), cast(null as bigint), cast(null as bigint), cast(null as bigint)
				""" + PUPIL_FROM + """
				  and e.student_id = :s
				union all
				select 3, p.id, p.scheme, cast(null as varchar(200)), cast(null as varchar(200)), p.starts_on, p.ends_on,
				  cast(p.number as bigint), cast(null as bigint), cast(null as bigint), cast(null as bigint), cast(null as bigint)
				from school_class c
				join school_study_period p on p.academic_year_id = c.academic_year_id and c.grade between p.grade_from and p.grade_to
				where c.id = :c and p.starts_on <= :from and p.ends_on >= :from
				order by 1, 6, 2""")
			.param("c", classId).param("sub", subjectId).param("i", institutionId).param("s", studentId)
			.param("from", day).param("to", day)
			.query(rs -> {
				switch (rs.getInt(1)) {
					case 1 -> subject[0] = new ClassSubject(rs.getLong(2), rs.getLong(8), rs.getString(3), rs.getInt(9),
							(Long) rs.getObject(10, Long.class), rs.getLong(11), rs.getString(4), rs.getLong(12) == 1);
					case 2 -> addPupil(pupils, rs, 1);
					default -> {
						if (period[0] == null) {
							period[0] = new StudyCalendar.StudyPeriod(rs.getLong(2), StudyScheme.valueOf(rs.getString(3)),
									rs.getInt(8), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class));
						}
					}
				}
			});
		if (subject[0] == null) {
			return Optional.empty();
		}
		return Optional.of(new PupilOnDay(subject[0], pupils.values().stream().findFirst().orElse(null), period[0]));
	}

	/** The name of a group of the class, if it is one. */
	public Optional<String> groupName(long classId, long groupId) {
		return db.sql("select name from school_class_group where id = :g and class_id = :c").param("g", groupId)
			.param("c", classId).query(String.class).optional();
	}

	/** A class of the institution: its name, grade and class teacher (staff id, or null). */
	public record SchoolClass(long id, String name, int grade, @Nullable Long classTeacherId) {
	}

	/** The class if it belongs to the institution; empty otherwise (one statement). */
	public Optional<SchoolClass> schoolClass(long institutionId, long classId) {
		return db.sql("""
				select c.id, cast(c.grade as varchar(2)) || c.letter, c.grade, c.class_teacher_id from school_class c
				where c.id = :c and c.institution_id = :i""").param("c", classId).param("i", institutionId)
			.query((rs, n) -> new SchoolClass(rs.getLong(1), rs.getString(2), rs.getInt(3), (Long) rs.getObject(4, Long.class)))
			.optional();
	}

	/** The subjects taught in the class (any group), by name, with their pass/fail flag (one statement). */
	public List<ClassSubject> subjectsOfClass(long institutionId, long classId) {
		return db.sql("""
				select distinct c.institution_id, c.id, cast(c.grade as varchar(2)) || c.letter, c.grade, c.class_teacher_id,
				       sub.id, sub.name, sub.pass_fail
				from school_teaching_assignment a
				join school_class c on c.id = a.class_id
				join school_subject sub on sub.id = a.subject_id
				where a.class_id = :c and c.institution_id = :i order by sub.name, sub.id""")
			.param("c", classId).param("i", institutionId)
			.query((rs, n) -> new ClassSubject(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
					(Long) rs.getObject(5, Long.class), rs.getLong(6), rs.getString(7), rs.getBoolean(8)))
			.list();
	}
}
