package ru.eschool.timetable.internal;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The bell schedule of each school: numbered lesson slots per shift. */
@Repository
public class Bells {

	private final JdbcClient db;
	private final JdbcTemplate jdbc;

	Bells(JdbcClient db, JdbcTemplate jdbc) {
		this.db = db;
		this.jdbc = jdbc;
	}

	/** The school's slots by shift and number; empty when none are set. */
	public List<Bell> of(long institutionId) {
		return db.sql("""
				select shift, number, starts_at, ends_at from timetable_bell where institution_id = :i
				order by shift, number""").param("i", institutionId)
			.query((rs, n) -> new Bell(rs.getInt(1), rs.getInt(2), rs.getObject(3, LocalTime.class),
					rs.getObject(4, LocalTime.class)))
			.list();
	}

	public Optional<Bell> find(long institutionId, int shift, int number) {
		return of(institutionId).stream().filter(b -> b.shift() == shift && b.number() == number).findFirst();
	}

	/** Replaces the school's whole schedule (callers validate it with {@link BellRules}). */
	@Transactional
	public void replace(long institutionId, List<Bell> bells) {
		db.sql("delete from timetable_bell where institution_id = :i").param("i", institutionId).update();
		jdbc.batchUpdate("insert into timetable_bell (institution_id, shift, number, starts_at, ends_at) values (?, ?, ?, ?, ?)",
				bells, bells.size(), (ps, b) -> {
					ps.setLong(1, institutionId);
					ps.setInt(2, b.shift());
					ps.setInt(3, b.number());
					ps.setObject(4, b.startsAt());
					ps.setObject(5, b.endsAt());
				});
	}
}
