package ru.eschool.school.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.school.PersonName;
import ru.eschool.shared.Db;

/** Classes ("5А": a grade 1-11 and a letter) of an academic year. */
@Repository
public class Classes {

	/** "5А", "11Б", "10 А" (a space is allowed); letters are stored upper-case. */
	static final Pattern NAME = Pattern.compile("\\s*(\\d{1,2})\\s*-?\\s*([А-ЯЁа-яёA-Za-z]{1,3})\\s*");

	public record SchoolClass(long id, long institutionId, long academicYearId, int grade, String letter,
			@Nullable Long classTeacherId) {

		public String name() {
			return grade + letter;
		}
	}

	public record ClassName(int grade, String letter) {
	}

	private final JdbcClient db;

	Classes(JdbcClient db) {
		this.db = db;
	}

	/** Parses "5А"; empty when the text is not a class name or the grade is outside 1-11. */
	public static Optional<ClassName> parse(String text) {
		Matcher m = NAME.matcher(text);
		if (!m.matches()) {
			return Optional.empty();
		}
		int grade = Integer.parseInt(m.group(1));
		if (grade < 1 || grade > 11) {
			return Optional.empty();
		}
		return Optional.of(new ClassName(grade, m.group(2).toUpperCase(Locale.forLanguageTag("ru"))));
	}

	public long create(long institutionId, long yearId, int grade, String letter, @Nullable Long classTeacherId) {
		return Db.insert(db.sql("""
				insert into school_class (institution_id, academic_year_id, grade, letter, class_teacher_id)
				values (:i, :y, :g, :l, :t)""").param("i", institutionId).param("y", yearId).param("g", grade)
			.param("l", letter.toUpperCase(Locale.forLanguageTag("ru"))).param("t", classTeacherId));
	}

	/** A class of the institution, or empty when it belongs to another (scoping). */
	public Optional<SchoolClass> find(long institutionId, long classId) {
		return db.sql("""
				select id, institution_id, academic_year_id, grade, letter, class_teacher_id from school_class
				where id = :id and institution_id = :i""").param("id", classId).param("i", institutionId)
			.query(SchoolClass.class).optional();
	}

	public Optional<SchoolClass> byName(long yearId, int grade, String letter) {
		return db.sql("""
				select id, institution_id, academic_year_id, grade, letter, class_teacher_id from school_class
				where academic_year_id = :y and grade = :g and letter = :l""").param("y", yearId).param("g", grade)
			.param("l", letter.toUpperCase(Locale.forLanguageTag("ru"))).query(SchoolClass.class).optional();
	}

	public List<SchoolClass> ofYear(long yearId) {
		return db.sql("""
				select id, institution_id, academic_year_id, grade, letter, class_teacher_id from school_class
				where academic_year_id = :y order by grade, letter""").param("y", yearId).query(SchoolClass.class).list();
	}

	/** A class in the list of a year: its size and class teacher. */
	public record ClassRow(long id, int grade, String letter, int students, @Nullable Long classTeacherId,
			@Nullable PersonName classTeacher) {

		public String name() {
			return grade + letter;
		}
	}

	/** A current student of a class, as the class page lists them. */
	public record Member(long id, PersonName name) {
	}

	/** The classes of a year with their student counts and class teachers (one statement). */
	public List<ClassRow> overview(long yearId) {
		return db.sql("""
				select c.id, c.grade, c.letter,
				  (select count(*) from school_enrolment e where e.class_id = c.id and e.left_on is null),
				  c.class_teacher_id, f.last_name, f.first_name, f.middle_name
				from school_class c left join school_staff f on f.id = c.class_teacher_id
				where c.academic_year_id = :y order by c.grade, c.letter""").param("y", yearId)
			.query((rs, n) -> new ClassRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4),
					(Long) rs.getObject(5, Long.class),
					rs.getString(6) == null ? null : new PersonName(rs.getString(6), rs.getString(7), rs.getString(8))))
			.list();
	}

	/** The current students of a class that the scope lets the actor see, by name. */
	public List<Member> students(long classId, StudentScope.Predicate scope) {
		return db.sql("""
				select s.id, s.last_name, s.first_name, s.middle_name from school_student s
				join school_enrolment e on e.student_id = s.id and e.left_on is null
				where e.class_id = :c and %s order by s.last_name, s.first_name, s.middle_name, s.id"""
			.formatted(scope.sql()))
			.param("c", classId).params(scope.params())
			.query((rs, n) -> new Member(rs.getLong(1), new PersonName(rs.getString(2), rs.getString(3), rs.getString(4))))
			.list();
	}

	public void setClassTeacher(long classId, @Nullable Long staffId) {
		db.sql("update school_class set class_teacher_id = :t where id = :id").param("t", staffId).param("id", classId)
			.update();
	}

	/** Leaves the classes a staff member leads without a class teacher (when they leave the school). */
	public void dropClassTeacher(long staffId) {
		db.sql("update school_class set class_teacher_id = null where class_teacher_id = :t").param("t", staffId)
			.update();
	}
}
