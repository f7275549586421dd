package ru.eschool.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.identity.IdentitySettings;
import ru.eschool.shared.Db;

/**
 * Counts failed sign-ins per account and per network address in the database (so every app node
 * sees the same counts) and blocks a key for a while once it reaches its limit. The address limit
 * is high: a whole school often sits behind one NAT address.
 */
@Component
public class LoginThrottle {

	private final JdbcClient db;
	private final Clock clock;
	private final IdentitySettings settings;

	LoginThrottle(JdbcClient db, Clock clock, IdentitySettings settings) {
		this.db = db;
		this.clock = clock;
		this.settings = settings;
	}

	public static String accountKey(String login) {
		return "acct:" + Accounts.normalizeLogin(login);
	}

	public static String addressKey(String address) {
		return "addr:" + address;
	}

	/** When the key is blocked: the time it is free again. */
	public Optional<Instant> blockedUntil(String key) {
		Instant now = clock.instant();
		return db.sql("select blocked_until from identity_login_failure where throttle_key = :k").param("k", key)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
			.map(OffsetDateTime::toInstant).filter(until -> until.isAfter(now));
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String key, int limit) {
		Instant now = clock.instant();
		Duration window = settings.loginBlock();
		// Insert-if-absent first, so that a concurrent first failure cannot abort the transaction
		// (on PostgreSQL a failed insert would poison it); then count within the window.
		db.sql("""
				insert into identity_login_failure (throttle_key, failures, window_start) values (:k, 0, :now)
				on conflict do nothing""").param("k", key).param("now", Db.utc(now)).update();
		db.sql("""
				update identity_login_failure set
				  failures = case when window_start < :windowStart then 1 else failures + 1 end,
				  window_start = case when window_start < :windowStart then :now else window_start end
				where throttle_key = :k""")
			.param("windowStart", Db.utc(now.minus(window))).param("now", Db.utc(now)).param("k", key).update();
		db.sql("update identity_login_failure set blocked_until = :until where throttle_key = :k and failures >= :limit")
			.param("until", Db.utc(now.plus(window))).param("k", key).param("limit", limit).update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String key) {
		db.sql("delete from identity_login_failure where throttle_key = :k").param("k", key).update();
	}

	public int accountLimit() {
		return settings.loginAttemptsPerAccount();
	}

	public long blockMinutes() {
		return settings.loginBlock().toMinutes();
	}

	public int addressLimit() {
		return settings.loginAttemptsPerAddress();
	}
}
