package ru.eschool.gradebook.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/** Study periods closed for edits by a school admin. */
@Repository
public class PeriodClosures {

	private final JdbcClient db;

	PeriodClosures(JdbcClient db) {
		this.db = db;
	}

	public Set<Long> closedAmong(Collection<Long> periodIds) {
		if (periodIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(db.sql("select period_id from gradebook_period_closure where period_id in (:p)")
			.param("p", periodIds).query(Long.class).list());
	}

	public boolean closed(long periodId) {
		return !closedAmong(Set.of(periodId)).isEmpty();
	}

	public void close(long institutionId, long periodId, long accountId, Instant at) {
		db.sql("""
				insert into gradebook_period_closure (period_id, institution_id, closed_by, closed_at) values (:p, :i, :by, :at)
				on conflict do nothing""").param("p", periodId).param("i", institutionId).param("by", accountId)
			.param("at", Db.utc(at)).update();
	}

	public void reopen(long institutionId, long periodId) {
		db.sql("delete from gradebook_period_closure where period_id = :p and institution_id = :i").param("p", periodId)
			.param("i", institutionId).update();
	}
}
