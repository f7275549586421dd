package ru.eschool.school.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.school.PersonName;
import ru.eschool.shared.Db;
import ru.eschool.shared.NotFound;

/**
 * Students and their enrolment history. A student is enrolled in a class, moved to another and
 * leaves; each stay is a row of school_enrolment, the open one (left_on null) is the current class.
 * Every method takes the institution so that an admin can only touch their own school's students.
 */
@Repository
public class Students {

	public enum JoinReason { ENROLLED, MOVED }

	public enum LeaveReason { MOVED, TRANSFERRED, GRADUATED, OTHER }

	public record Student(long id, long institutionId, PersonName name, @Nullable String email,
			@Nullable String phone, boolean active) {
	}

	public record Enrolment(long id, long classId, String className, LocalDate joinedOn, @Nullable LocalDate leftOn,
			String reason, @Nullable String leaveReason) {
	}

	private final JdbcClient db;

	Students(JdbcClient db) {
		this.db = db;
	}

	public long create(long institutionId, PersonName name, @Nullable String email, @Nullable String phone) {
		return Db.insert(db.sql("""
				insert into school_student (institution_id, last_name, first_name, middle_name, email, phone, active)
				values (:i, :l, :f, :m, :e, :p, true)""").param("i", institutionId).param("l", name.last())
			.param("f", name.first()).param("m", name.middle()).param("e", email).param("p", phone));
	}

	public Optional<Student> find(long institutionId, long studentId) {
		return db.sql("""
				select id, institution_id, last_name, first_name, middle_name, email, phone, active from school_student
				where id = :id and institution_id = :i""").param("id", studentId).param("i", institutionId)
			.query((rs, n) -> new Student(rs.getLong(1), rs.getLong(2),
					new PersonName(rs.getString(3), rs.getString(4), rs.getString(5)), rs.getString(6),
					rs.getString(7), rs.getBoolean(8)))
			.optional();
	}

	public void rename(long institutionId, long studentId, PersonName name, @Nullable String email,
			@Nullable String phone) {
		int n = db.sql("""
				update school_student set last_name = :l, first_name = :f, middle_name = :m, email = :e, phone = :p
				where id = :id and institution_id = :i""").param("l", name.last()).param("f", name.first())
			.param("m", name.middle()).param("e", email).param("p", phone).param("id", studentId)
			.param("i", institutionId).update();
		if (n == 0) {
			throw new NotFound();
		}
	}

	/** Enrols in a class (the class must be of the same institution; callers check it). */
	public void enrol(long studentId, long classId, LocalDate on, JoinReason reason) {
		db.sql("""
				insert into school_enrolment (student_id, class_id, joined_on, reason) values (:s, :c, :d, :r)""")
			.param("s", studentId).param("c", classId).param("d", on).param("r", reason.name()).update();
		db.sql("update school_student set active = true where id = :s").param("s", studentId).update();
	}

	/** Closes the current stay; the student stays on record, inactive unless enrolled again. */
	public void leave(long studentId, LocalDate on, LeaveReason reason) {
		db.sql("""
				update school_enrolment set left_on = :d, leave_reason = :r where student_id = :s and left_on is null""")
			.param("d", on).param("r", reason.name()).param("s", studentId).update();
		if (reason != LeaveReason.MOVED) {
			db.sql("update school_student set active = false where id = :s").param("s", studentId).update();
		}
	}

	public void move(long studentId, long toClassId, LocalDate on) {
		leave(studentId, on, LeaveReason.MOVED);
		enrol(studentId, toClassId, on, JoinReason.MOVED);
	}

	public List<Enrolment> history(long studentId) {
		return db.sql("""
				select e.id, e.class_id, cast(c.grade as varchar(2)) || c.letter as class_name, e.joined_on, e.left_on, e.reason, e.leave_reason
				from school_enrolment e join school_class c on c.id = e.class_id
				where e.student_id = :s order by e.joined_on, e.id""").param("s", studentId).query(Enrolment.class).list();
	}

	/** A current student in a list: name and current class. */
	public record Listed(long id, PersonName name, @Nullable Long classId, String className) {
	}

	/**
	 * One page of the school's current students, by last name; optionally of one class and
	 * matching a part of the full name. Asks for one row more than {@code limit}, so the caller
	 * knows whether there is a next page without counting.
	 */
	public List<Listed> current(long institutionId, @Nullable Long classId, @Nullable String nameLike, int limit,
			int offset) {
		StringBuilder sql = new StringBuilder("""
				select s.id, s.last_name, s.first_name, s.middle_name, c.id as class_id,
				       cast(c.grade as varchar(2)) || c.letter as class_name
				from school_student s
				left join school_enrolment e on e.student_id = s.id and e.left_on is null
				left join school_class c on c.id = e.class_id
				where s.institution_id = :i and s.active""");
		Map<String, Object> params = new HashMap<>();
		params.put("i", institutionId);
		params.put("lim", limit + 1);
		params.put("off", offset);
		// Optional filters are added to the SQL only when present: a null bound to ":p is null"
		// has no type on PostgreSQL.
		if (classId != null) {
			sql.append(" and e.class_id = :c");
			params.put("c", classId);
		}
		if (nameLike != null && !nameLike.isBlank()) {
			sql.append(" and ").append(FULL_NAME_LIKE);
			params.put("q", likePattern(nameLike));
		}
		sql.append(" order by s.last_name, s.first_name, s.id limit :lim offset :off");
		return db.sql(sql.toString()).params(params).query((rs, n) -> new Listed(rs.getLong(1),
				new PersonName(rs.getString(2), rs.getString(3), rs.getString(4)), (Long) rs.getObject(5, Long.class),
				rs.getString(6) == null ? "" : rs.getString(6))).list();
	}

	/** Matches a part of the full name "last first middle" of the student alias {@code s}. */
	static final String FULL_NAME_LIKE = """
			lower(s.last_name || ' ' || s.first_name || ' ' || coalesce(s.middle_name, '')) like :q""";

	/** "%иванов мар%": what a person types, lower case, with LIKE's special characters escaped away. */
	public static String likePattern(String typed) {
		String cleaned = typed.strip().replaceAll("[%_\\\\]", " ").replaceAll("\\s+", " ");
		return "%" + cleaned.toLowerCase(Locale.forLanguageTag("ru")) + "%";
	}

	/** The open stay (the current class), if the student is enrolled. */
	public Optional<Enrolment> currentStay(long studentId) {
		return history(studentId).stream().filter(e -> e.leftOn() == null).findFirst();
	}

	/** A student currently enrolled in a class of the given year (for matching names in bulk). */
	public record Enrolled(long id, PersonName name, long classId) {
	}

	/** All current students of the institution's classes in a year, in one statement. */
	public List<Enrolled> enrolledIn(long institutionId, long yearId) {
		return db.sql("""
				select s.id, s.last_name, s.first_name, s.middle_name, e.class_id from school_student s
				join school_enrolment e on e.student_id = s.id and e.left_on is null
				join school_class c on c.id = e.class_id
				where s.institution_id = :i and c.institution_id = :i and c.academic_year_id = :y and s.active""")
			.param("i", institutionId).param("y", yearId)
			.query((rs, n) -> new Enrolled(rs.getLong(1), new PersonName(rs.getString(2), rs.getString(3),
					rs.getString(4)), rs.getLong(5)))
			.list();
	}
}
