package ru.eschool.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/** Account ↔ identity-provider subject links: provider, subject, account; nothing else. */
@Repository
public class FederatedLinks {

	public record Link(long id, long accountId, String provider, String subject, Instant linkedAt) {
	}

	private final JdbcClient db;
	private final Clock clock;

	FederatedLinks(JdbcClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	public Optional<Long> accountOf(String provider, String subject) {
		return db.sql("select account_id from identity_federated_link where provider = :p and subject = :s")
			.param("p", provider).param("s", subject).query(Long.class).optional();
	}

	/** Links the subject to the account; false when the subject is already linked (to anyone). */
	public boolean link(long accountId, String provider, String subject) {
		try {
			return db.sql("""
					insert into identity_federated_link (account_id, provider, subject, linked_at)
					values (:a, :p, :s, :now) on conflict do nothing""")
				.param("a", accountId).param("p", provider).param("s", subject).param("now", Db.utc(clock.instant()))
				.update() == 1;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	public List<Link> of(long accountId) {
		return db.sql("""
				select id, account_id, provider, subject, linked_at from identity_federated_link
				where account_id = :a order by linked_at, id""")
			.param("a", accountId)
			.query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Removes one link of the account; false when it is not the account's. */
	public boolean unlink(long accountId, long linkId) {
		return db.sql("delete from identity_federated_link where id = :id and account_id = :a").param("id", linkId)
			.param("a", accountId).update() == 1;
	}
}
