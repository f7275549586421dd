package ru.eschool.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.shared.Db;

/**
 * Appends security events (sign-ins, failures, lockouts, linking of identities) with their time,
 * account, network address and outcome. An entry is written in its own transaction, so a refused
 * action that rolls back still leaves its trace.
 */
@Service
public class AuditLog {

	public enum Outcome { SUCCESS, FAILURE, BLOCKED }

	public record Entry(long id, Instant at, String kind, @Nullable Long accountId, @Nullable String address,
			Outcome outcome, @Nullable String detail) {
	}

	private final JdbcClient db;
	private final Clock clock;

	AuditLog(JdbcClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/**
	 * Records one event. {@code kind} names what happened (e.g. {@code SIGN_IN}); {@code detail} is a
	 * short technical note (the method, a refusal reason), never personal data beyond the account id.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String kind, @Nullable Long accountId, @Nullable String address, Outcome outcome,
			@Nullable String detail) {
		db.sql("""
				insert into audit_event (occurred_at, kind, account_id, address, outcome, detail)
				values (:at, :kind, :account, :address, :outcome, :detail)""")
			.param("at", Db.utc(clock.instant())).param("kind", cut(kind, 40)).param("account", accountId)
			.param("address", address == null ? null : cut(address, 64)).param("outcome", outcome.name())
			.param("detail", detail == null ? null : cut(detail, 200)).update();
	}

	/** The account's most recent entries of these kinds, newest first. */
	public List<Entry> recent(long accountId, Collection<String> kinds, int limit) {
		if (kinds.isEmpty()) {
			return List.of();
		}
		return db.sql("""
				select id, occurred_at, kind, account_id, address, outcome, detail from audit_event
				where account_id = :a and kind in (:kinds) order by occurred_at desc, id desc limit :limit""")
			.param("a", accountId).param("kinds", kinds).param("limit", limit)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getString(3), rs.getObject(4, Long.class), rs.getString(5), Outcome.valueOf(rs.getString(6)),
					rs.getString(7)))
			.list();
	}

	/** All entries of an account, newest first (for tests and investigations). */
	public List<Entry> of(long accountId) {
		return db.sql("""
				select id, occurred_at, kind, account_id, address, outcome, detail from audit_event
				where account_id = :a order by occurred_at desc, id desc""")
			.param("a", accountId)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getString(3), rs.getObject(4, Long.class), rs.getString(5), Outcome.valueOf(rs.getString(6)),
					rs.getString(7)))
			.list();
	}

	/** The latest entries of a kind, whoever they concern (for tests and investigations). */
	public List<Entry> latest(String kind, int limit) {
		return db.sql("""
				select id, occurred_at, kind, account_id, address, outcome, detail from audit_event
				where kind = :kind order by id desc limit :limit""")
			.param("kind", kind).param("limit", limit)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getString(3), rs.getObject(4, Long.class), rs.getString(5), Outcome.valueOf(rs.getString(6)),
					rs.getString(7)))
			.list();
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}
