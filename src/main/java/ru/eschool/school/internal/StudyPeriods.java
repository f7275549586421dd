package ru.eschool.school.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.school.StudyCalendar.StudyPeriod;
import ru.eschool.school.StudyScheme;
import ru.eschool.shared.Db;

/**
 * Study periods of an academic year. The periods of one scheme for one grade range form a
 * {@link Scheme}; grade ranges of a year do not overlap, so a grade has at most one scheme.
 */
@Repository
public class StudyPeriods {

	public record Period(long id, long academicYearId, StudyScheme scheme, int number, LocalDate startsOn,
			LocalDate endsOn, int gradeFrom, int gradeTo) {
	}

	/** The periods of one scheme for one grade range, in order; identified by its first period. */
	public record Scheme(StudyScheme scheme, int gradeFrom, int gradeTo, List<Period> periods) {

		public long id() {
			return periods.get(0).id();
		}
	}

	/** A period's dates as typed in a form (validated by {@link AcademicCalendar}). */
	public record Dates(LocalDate startsOn, LocalDate endsOn) {
	}

	private static final String SELECT = """
			select p.id, p.academic_year_id, p.scheme, p.number, p.starts_on, p.ends_on, p.grade_from, p.grade_to
			from school_study_period p""";

	private final JdbcClient db;

	StudyPeriods(JdbcClient db) {
		this.db = db;
	}

	public List<Scheme> schemesOf(long yearId) {
		List<Period> all = db.sql(SELECT + " where p.academic_year_id = :y order by p.grade_from, p.number")
			.param("y", yearId).query(StudyPeriods::period).list();
		List<Scheme> schemes = new ArrayList<>();
		List<Period> current = new ArrayList<>();
		for (Period p : all) {
			if (!current.isEmpty() && current.get(0).gradeFrom() != p.gradeFrom()) {
				schemes.add(scheme(current));
				current = new ArrayList<>();
			}
			current.add(p);
		}
		if (!current.isEmpty()) {
			schemes.add(scheme(current));
		}
		return schemes;
	}

	/** The scheme whose first period has this id, if it lies in the institution (scoping). */
	public Optional<Scheme> findScheme(long institutionId, long periodId) {
		Optional<Period> first = db.sql(SELECT + """
				 join school_academic_year y on y.id = p.academic_year_id
				where p.id = :id and y.institution_id = :i""").param("id", periodId).param("i", institutionId)
			.query(StudyPeriods::period).optional();
		return first.flatMap(f -> schemesOf(f.academicYearId()).stream()
			.filter(s -> s.gradeFrom() == f.gradeFrom()).findFirst());
	}

	public void create(long yearId, StudyScheme scheme, int gradeFrom, int gradeTo, List<Dates> dates) {
		for (int n = 0; n < dates.size(); n++) {
			Db.insert(db.sql("""
					insert into school_study_period (academic_year_id, scheme, number, starts_on, ends_on, grade_from, grade_to)
					values (:y, :s, :n, :from, :to, :gf, :gt)""").param("y", yearId).param("s", scheme.name())
				.param("n", n + 1).param("from", dates.get(n).startsOn()).param("to", dates.get(n).endsOn())
				.param("gf", gradeFrom).param("gt", gradeTo));
		}
	}

	/** Changes the grade range and the dates in place, so that ids (and what refers to them) stay. */
	public void update(Scheme scheme, int gradeFrom, int gradeTo, List<Dates> dates) {
		for (int n = 0; n < scheme.periods().size(); n++) {
			db.sql("""
					update school_study_period set starts_on = :from, ends_on = :to, grade_from = :gf, grade_to = :gt
					where id = :id""").param("from", dates.get(n).startsOn()).param("to", dates.get(n).endsOn())
				.param("gf", gradeFrom).param("gt", gradeTo).param("id", scheme.periods().get(n).id()).update();
		}
	}

	public void delete(Scheme scheme) {
		db.sql("delete from school_study_period where id in (:ids)")
			.param("ids", (Collection<Long>) scheme.periods().stream().map(Period::id).toList()).update();
	}

	/** The periods that apply to a class: its year's scheme for its grade. */
	public List<StudyPeriod> ofClass(long classId) {
		return db.sql("""
				select p.id, p.scheme, p.number, p.starts_on, p.ends_on
				from school_class c
				join school_study_period p on p.academic_year_id = c.academic_year_id
				  and c.grade between p.grade_from and p.grade_to
				where c.id = :c order by p.starts_on""").param("c", classId)
			.query((rs, n) -> new StudyPeriod(rs.getLong(1), StudyScheme.valueOf(rs.getString(2)), rs.getInt(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
			.list();
	}

	private static Scheme scheme(List<Period> periods) {
		Period first = periods.get(0);
		return new Scheme(first.scheme(), first.gradeFrom(), first.gradeTo(), List.copyOf(periods));
	}

	private static Period period(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Period(rs.getLong(1), rs.getLong(2), StudyScheme.valueOf(rs.getString(3)), rs.getInt(4),
				rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getInt(7), rs.getInt(8));
	}

	/** The periods of the institution's current academic year, all schemes, in date order. */
	public List<StudyPeriod> ofCurrentYear(long institutionId) {
		return db.sql("""
				select p.id, p.scheme, p.number, p.starts_on, p.ends_on
				from school_study_period p join school_academic_year y on y.id = p.academic_year_id
				where y.institution_id = :i and y.current_year order by p.scheme, p.starts_on""").param("i", institutionId)
			.query((rs, n) -> new StudyPeriod(rs.getLong(1), StudyScheme.valueOf(rs.getString(2)), rs.getInt(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
			.list();
	}

	/** The periods of each class of the institution's current year, by class id, in date order. */
	public java.util.Map<Long, List<StudyPeriod>> ofClassesOfCurrentYear(long institutionId) {
		java.util.Map<Long, List<StudyPeriod>> byClass = new java.util.HashMap<>();
		db.sql("""
				select c.id, p.id, p.scheme, p.number, p.starts_on, p.ends_on
				from school_class c
				join school_academic_year y on y.id = c.academic_year_id
				join school_study_period p on p.academic_year_id = c.academic_year_id
				  and c.grade between p.grade_from and p.grade_to
				where c.institution_id = :i and y.current_year order by c.id, p.starts_on""").param("i", institutionId)
			.query(rs -> {
				byClass.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StudyPeriod(rs.getLong(2),
						StudyScheme.valueOf(rs.getString(3)), rs.getInt(4), rs.getObject(5, LocalDate.class),
						rs.getObject(6, LocalDate.class)));
			});
		return byClass;
	}

	/** The holidays of the class's academic year that apply to its grade, for {@link ru.eschool.school.StudyCalendar}. */
	public List<ru.eschool.school.StudyCalendar.Holiday> holidaysOfClass(long classId) {
		return db.sql("""
				select h.name, h.starts_on, h.ends_on from school_holiday h
				join school_class c on c.academic_year_id = h.academic_year_id
				where c.id = :c and c.grade between h.grade_from and h.grade_to order by h.starts_on""").param("c", classId)
			.query((rs, n) -> new ru.eschool.school.StudyCalendar.Holiday(rs.getString(1), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class)))
			.list();
	}
}
