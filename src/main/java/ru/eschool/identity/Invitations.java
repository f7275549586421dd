package ru.eschool.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.identity.internal.InvitationUse;
import ru.eschool.shared.Db;
import ru.eschool.shared.Role;

/**
 * One-time, expiring invitation codes: a school admin issues them for students, guardians and
 * staff (a regional admin for a school's first admin); a person registers with one. Issuing a
 * new code for a person revokes their earlier pending one.
 */
@Service
public class Invitations implements InvitationUse {

	/** Letters and digits that cannot be confused on paper (no 0/O, 1/I/L). */
	private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

	public record Request(Role role, @Nullable Long institutionId, @Nullable Long personId, String personName) {
	}

	public record Issued(long id, String code, Role role, @Nullable Long personId, String personName,
			Instant expiresAt) {
	}

	/** A code as found when someone types it in. */
	public record Found(long id, Role role, @Nullable Long institutionId, @Nullable Long personId, String personName,
			State state, @Nullable Long createdBy) {
	}

	public enum State { VALID, EXPIRED, USED, REVOKED }

	private final JdbcClient db;
	private final NamedParameterJdbcTemplate jdbc;
	private final Clock clock;
	private final Duration validFor;
	private final SecureRandom random = new SecureRandom();

	Invitations(JdbcClient db, NamedParameterJdbcTemplate jdbc, Clock clock, @Value("${eschool.invitations.valid-for:30d}") Duration validFor) {
		this.db = db;
		this.jdbc = jdbc;
		this.clock = clock;
		this.validFor = validFor;
	}

	/**
	 * Issues a code per request, revoking the earlier pending code of each person in the same role.
	 * A constant number of statements: one revoke per role, one batch of inserts.
	 */
	@Transactional
	public List<Issued> issue(List<Request> requests, long issuedBy) {
		if (requests.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		Instant expires = now.plus(validFor);
		Map<Role, List<Long>> persons = new EnumMap<>(Role.class);
		for (Request r : requests) {
			if (r.personId() != null) {
				persons.computeIfAbsent(r.role(), k -> new ArrayList<>()).add(r.personId());
			}
		}
		persons.forEach((role, ids) -> db.sql("""
				update identity_invitation set revoked_at = :now, letter_code = null
				where role = :role and person_id in (:ids) and used_at is null and revoked_at is null""")
			.param("now", utc(now)).param("role", role.name()).param("ids", ids).update());
		List<String> codes = new ArrayList<>(requests.size());
		SqlParameterSource[] rows = new SqlParameterSource[requests.size()];
		for (int i = 0; i < requests.size(); i++) {
			Request r = requests.get(i);
			String code = newCode();
			codes.add(code);
			rows[i] = new MapSqlParameterSource().addValue("hash", hash(code)).addValue("code", code)
				.addValue("role", r.role().name()).addValue("inst", r.institutionId()).addValue("person", r.personId())
				.addValue("name", r.personName()).addValue("by", issuedBy).addValue("now", utc(now))
				.addValue("expires", utc(expires));
		}
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.batchUpdate("""
				insert into identity_invitation (code_hash, letter_code, role, institution_id, person_id, person_name,
				  created_by, created_at, expires_at)
				values (:hash, :code, :role, :inst, :person, :name, :by, :now, :expires)""", rows, keys,
				new String[] { "id" });
		List<Map<String, Object>> ids = keys.getKeyList();
		List<Issued> issued = new ArrayList<>(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			Request r = requests.get(i);
			long id = ((Number) ids.get(i).values().iterator().next()).longValue();
			issued.add(new Issued(id, codes.get(i), r.role(), r.personId(), r.personName(), expires));
		}
		return issued;
	}

	/** Revokes the pending codes of a person record in these roles. */
	@Transactional
	public void revokePending(Collection<Role> roles, long personId) {
		db.sql("""
				update identity_invitation set revoked_at = :now, letter_code = null
				where role in (:roles) and person_id = :p and used_at is null and revoked_at is null""")
			.param("now", utc(clock.instant())).param("roles", roles.stream().map(Role::name).toList())
			.param("p", personId).update();
	}

	/** The pending code of a role that names no person (the first regional admin), if any. */
	public Optional<Issued> pendingWithoutPerson(Role role) {
		return db.sql("""
				select id, letter_code, role, person_id, person_name, expires_at from identity_invitation
				where role = :role and person_id is null and used_at is null and revoked_at is null
				  and expires_at > :now and letter_code is not null order by id desc""")
			.param("role", role.name()).param("now", utc(clock.instant()))
			.query((rs, n) -> new Issued(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)), null,
					rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
			.list().stream().findFirst();
	}

	/** The pending (unused, unexpired, unrevoked) codes of these people, for printing letters again. */
	public List<Issued> pending(Role role, Collection<Long> personIds) {
		if (personIds.isEmpty()) {
			return List.of();
		}
		return db.sql("""
				select id, letter_code, role, person_id, person_name, expires_at from identity_invitation
				where role = :role and person_id in (:ids) and used_at is null and revoked_at is null
				  and expires_at > :now and letter_code is not null order by person_name""")
			.param("role", role.name()).param("ids", personIds).param("now", utc(clock.instant()))
			.query((rs, n) -> new Issued(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)),
					rs.getLong(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Looks a typed code up; empty when no such code was ever issued. */
	public Optional<Found> find(String typed) {
		Instant now = clock.instant();
		return db.sql("""
				select id, role, institution_id, person_id, person_name, expires_at, used_at, revoked_at, created_by
				from identity_invitation where code_hash = :hash""")
			.param("hash", hash(normalize(typed)))
			.query((rs, n) -> {
				State state = rs.getObject(7) != null ? State.USED
						: rs.getObject(8) != null ? State.REVOKED
								: rs.getObject(6, OffsetDateTime.class).toInstant().isBefore(now) ? State.EXPIRED
										: State.VALID;
				return new Found(rs.getLong(1), Role.valueOf(rs.getString(2)), (Long) rs.getObject(3, Long.class),
						(Long) rs.getObject(4, Long.class), rs.getString(5), state, (Long) rs.getObject(9, Long.class));
			})
			.optional();
	}

	/** Marks a code used by an account; false when someone else used it a moment earlier. */
	@Override
	public boolean markUsed(long invitationId, long accountId) {
		return db.sql("""
				update identity_invitation set used_at = :now, used_by = :account, letter_code = null
				where id = :id and used_at is null and revoked_at is null and expires_at > :now""")
			.param("now", utc(clock.instant())).param("account", accountId).param("id", invitationId).update() == 1;
	}

	String newCode() {
		StringBuilder sb = new StringBuilder(11);
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				sb.append('-');
			}
			sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return sb.toString();
	}

	static String normalize(String typed) {
		return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	static String hash(String code) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(normalize(code).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static OffsetDateTime utc(Instant instant) {
		return Db.utc(instant);
	}
}
