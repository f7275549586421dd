package ru.eschool.school.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/** School holidays (каникулы) of an academic year. */
@Repository
public class Holidays {

	/** A holiday of the grades {@code gradeFrom}–{@code gradeTo} (1–11: the whole school). */
	public record Holiday(long id, long academicYearId, String name, LocalDate startsOn, LocalDate endsOn, int gradeFrom,
			int gradeTo) {

		public boolean allGrades() {
			return gradeFrom == 1 && gradeTo == 11;
		}
	}

	private final JdbcClient db;

	Holidays(JdbcClient db) {
		this.db = db;
	}

	public List<Holiday> ofYear(long yearId) {
		return db.sql("""
				select id, academic_year_id, name, starts_on, ends_on, grade_from, grade_to from school_holiday
				where academic_year_id = :y order by starts_on, grade_from""").param("y", yearId).query(Holiday.class).list();
	}

	public long add(long yearId, String name, LocalDate startsOn, LocalDate endsOn, int gradeFrom, int gradeTo) {
		return Db.insert(db.sql("""
				insert into school_holiday (academic_year_id, name, starts_on, ends_on, grade_from, grade_to)
				values (:y, :n, :s, :e, :gf, :gt)""")
			.param("y", yearId).param("n", name.strip()).param("s", startsOn).param("e", endsOn).param("gf", gradeFrom)
			.param("gt", gradeTo));
	}

	/** A holiday of one of the institution's years, or empty (scoping). */
	public Optional<Holiday> find(long institutionId, long holidayId) {
		return db.sql("""
				select h.id, h.academic_year_id, h.name, h.starts_on, h.ends_on, h.grade_from, h.grade_to from school_holiday h
				join school_academic_year y on y.id = h.academic_year_id
				where h.id = :id and y.institution_id = :i""").param("id", holidayId).param("i", institutionId)
			.query(Holiday.class).optional();
	}

	public void delete(long holidayId) {
		db.sql("delete from school_holiday where id = :id").param("id", holidayId).update();
	}
}
