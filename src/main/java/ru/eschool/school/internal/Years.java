package ru.eschool.school.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/** Academic years of an institution; one of them is the current year. */
@Repository
public class Years {

	public record Year(long id, long institutionId, String name, LocalDate startsOn, LocalDate endsOn,
			boolean currentYear) {
	}

	private final JdbcClient db;

	Years(JdbcClient db) {
		this.db = db;
	}

	public Optional<Year> current(long institutionId) {
		return db.sql("""
				select id, institution_id, name, starts_on, ends_on, current_year from school_academic_year
				where institution_id = :i and current_year""").param("i", institutionId).query(Year.class).optional();
	}

	public long create(long institutionId, String name, LocalDate startsOn, LocalDate endsOn, boolean current) {
		if (current) {
			db.sql("update school_academic_year set current_year = false where institution_id = :i")
				.param("i", institutionId).update();
		}
		return Db.insert(db.sql("""
				insert into school_academic_year (institution_id, name, starts_on, ends_on, current_year)
				values (:i, :n, :s, :e, :c)""").param("i", institutionId).param("n", name).param("s", startsOn)
			.param("e", endsOn).param("c", current));
	}

	/** All years of the institution, the latest first. */
	public List<Year> of(long institutionId) {
		return db.sql("""
				select id, institution_id, name, starts_on, ends_on, current_year from school_academic_year
				where institution_id = :i order by starts_on desc""").param("i", institutionId).query(Year.class).list();
	}

	/** A year of the institution, or empty when it belongs to another (scoping). */
	public Optional<Year> find(long institutionId, long yearId) {
		return db.sql("""
				select id, institution_id, name, starts_on, ends_on, current_year from school_academic_year
				where id = :id and institution_id = :i""").param("id", yearId).param("i", institutionId)
			.query(Year.class).optional();
	}

	public void update(long yearId, String name, LocalDate startsOn, LocalDate endsOn) {
		db.sql("update school_academic_year set name = :n, starts_on = :s, ends_on = :e where id = :id")
			.param("n", name).param("s", startsOn).param("e", endsOn).param("id", yearId).update();
	}

	/** Makes the year the institution's current one (and no other). */
	public void makeCurrent(long institutionId, long yearId) {
		db.sql("update school_academic_year set current_year = (id = :id) where institution_id = :i")
			.param("id", yearId).param("i", institutionId).update();
	}
}
