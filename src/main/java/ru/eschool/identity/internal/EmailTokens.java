package ru.eschool.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.shared.Db;

/** One-time links sent by e-mail: a random token, only its SHA-256 stored, single use, expiring. */
@Component
public class EmailTokens {

	public enum Purpose { CONFIRM, RESET }

	public enum State { VALID, EXPIRED, INVALID }

	public record Token(long id, long accountId, String email, State state) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient db;
	private final Clock clock;

	EmailTokens(JdbcClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/** A new token for the account; the raw value goes into the link only. */
	public String issue(long accountId, Purpose purpose, String email, Duration validFor) {
		byte[] raw = new byte[32];
		RANDOM.nextBytes(raw);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		db.sql("""
				insert into identity_email_token (account_id, purpose, token_hash, email, expires_at)
				values (:a, :p, :h, :e, :x)""").param("a", accountId).param("p", purpose.name()).param("h", hash(token))
			.param("e", email).param("x", Db.utc(clock.instant().plus(validFor))).update();
		return token;
	}

	/** What the token is, without using it. */
	public Token find(String token, Purpose purpose) {
		Instant now = clock.instant();
		return db.sql("""
				select id, account_id, email, expires_at, used_at from identity_email_token
				where token_hash = :h and purpose = :p""").param("h", hash(token == null ? "" : token))
			.param("p", purpose.name())
			.query((rs, n) -> new Token(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getObject(5, OffsetDateTime.class) != null ? State.INVALID
							: rs.getObject(4, OffsetDateTime.class).toInstant().isBefore(now) ? State.EXPIRED : State.VALID))
			.optional().orElse(new Token(0, 0, "", State.INVALID));
	}

	/** Uses a valid token once: true only for the request that marked it used. */
	@Transactional
	public boolean use(Token token) {
		return token.state() == State.VALID && db.sql("update identity_email_token set used_at = :now where id = :id and used_at is null")
			.param("now", Db.utc(clock.instant())).param("id", token.id()).update() == 1;
	}

	public void confirm(long accountId, String email) {
		db.sql("update identity_account set email_confirmed = email where id = :id and email = :e")
			.param("id", accountId).param("e", email).update();
	}

	public Optional<String> confirmedEmail(long accountId) {
		return db.sql("select email_confirmed from identity_account where id = :id").param("id", accountId)
			.query(String.class).optional();
	}

	/** The account a login or a confirmed address names (an address confirmed by several: none). */
	public Optional<Long> accountFor(String loginOrEmail) {
		String v = loginOrEmail.strip();
		Optional<Long> byLogin = db.sql("select id from identity_account where login = :l")
			.param("l", Accounts.normalizeLogin(v)).query(Long.class).optional();
		if (byLogin.isPresent()) {
			return byLogin;
		}
		var ids = db.sql("select id from identity_account where lower(email_confirmed) = lower(:e)").param("e", v)
			.query(Long.class).list();
		return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static Duration resetValidity() {
		return Duration.ofMinutes(30);
	}
}
