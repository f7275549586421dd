package ru.eschool.notification.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/**
 * The in-app notifications (one item per source event and account) and the fan-out that addresses
 * a notice: one INSERT ... SELECT for the items of all recipients, one for their deliveries over
 * every outside channel they chose. Both skip what exists, so a replayed event adds nothing.
 */
@Repository
public class Inbox {

	/** One notification as its recipient sees it. */
	public record Item(long id, Kind kind, String[] text, @Nullable String link, Instant createdAt, boolean read) {

		public String messageKey() {
			return text[0];
		}

		public Object[] args() {
			Object[] args = new Object[text.length - 1];
			System.arraycopy(text, 1, args, 0, args.length);
			return args;
		}
	}

	private final JdbcClient db;

	Inbox(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Addresses the notice to the accounts: returns how many items were new. {@code channels} are
	 * the outside channels that are configured; deliveries are made only for those.
	 */
	public int fanOut(Notice notice, Collection<Long> accountIds, Set<Channel> channels, Instant now) {
		Set<Long> distinct = new LinkedHashSet<>(accountIds);
		if (distinct.isEmpty()) {
			return 0;
		}
		List<Object[]> rows = distinct.stream().map(a -> new Object[] { a }).toList();
		String institution = notice.institutionId() == null ? "cast(null as bigint)" : "cast(:i as bigint)";
		var insert = db.sql("""
				insert into notification_item (source_key, account_id, institution_id, kind, args, link, urgent, created_at)
				select cast(:k as varchar(120)), v.a, %s, cast(:kind as varchar(20)), cast(:args as varchar(2000)),
				       cast(:link as varchar(200)), cast(:u as boolean), cast(:now as timestamp with time zone)
				from (values :rows) v(a)
				on conflict do nothing""".formatted(institution))
			.param("k", notice.sourceKey()).param("kind", notice.kind().name()).param("args", notice.packedArgs())
			.param("link", notice.link() == null ? "" : notice.link()).param("u", notice.urgent())
			.param("now", Db.utc(now)).param("rows", rows);
		if (notice.institutionId() != null) {
			insert = insert.param("i", notice.institutionId());
		}
		int created = insert.update();
		if (!channels.isEmpty()) {
			db.sql("""
					insert into notification_delivery (item_id, account_id, institution_id, channel, status, attempts, next_attempt_at, created_at)
					select i.id, i.account_id, i.institution_id, c.channel, 'QUEUED', 0, cast(:now as timestamp with time zone),
					       cast(:now as timestamp with time zone)
					from notification_item i
					join notification_choice c on c.account_id = i.account_id and c.kind = i.kind
					join notification_preference p on p.account_id = i.account_id
					where i.source_key = :k and c.channel in (:channels)
					  and ((c.channel = 'EMAIL' and p.email is not null) or (c.channel = 'SMS' and p.phone is not null)
					    or (c.channel = 'PUSH' and exists (select 1 from notification_push_subscription s where s.account_id = i.account_id)))
					on conflict do nothing""")
				.param("now", Db.utc(now)).param("k", notice.sourceKey())
				.param("channels", channels.stream().map(Enum::name).toList()).update();
		}
		return created;
	}

	/** The account's latest notifications, newest first. */
	public List<Item> latest(long accountId, int limit) {
		return db.sql("""
				select id, kind, args, link, created_at, read_at from notification_item where account_id = :a
				order by id desc limit :n""").param("a", accountId).param("n", limit)
			.query((rs, n) -> new Item(rs.getLong(1), Kind.valueOf(rs.getString(2)), Notice.unpack(rs.getString(3)),
					blankToNull(rs.getString(4)), rs.getObject(5, java.time.OffsetDateTime.class).toInstant(),
					rs.getObject(6) != null))
			.list();
	}

	/** Marks one of the account's own items read; false when the id is not theirs. */
	public boolean markRead(long accountId, long itemId, Instant now) {
		return db.sql("""
				update notification_item set read_at = coalesce(read_at, cast(:t as timestamp with time zone))
				where id = :id and account_id = :a""").param("t", Db.utc(now)).param("id", itemId).param("a", accountId)
			.update() > 0;
	}

	/** Marks read the account's unread notifications that point at a page (a conversation the person just read). */
	public int markReadByLink(long accountId, String link, Instant now) {
		return db.sql("update notification_item set read_at = :t where account_id = :a and link = :l and read_at is null")
			.param("t", Db.utc(now)).param("a", accountId).param("l", link).update();
	}

	public int markAllRead(long accountId, Instant now) {
		return db.sql("update notification_item set read_at = :t where account_id = :a and read_at is null")
			.param("t", Db.utc(now)).param("a", accountId).update();
	}

	/** The link of one of the account's own items. */
	public java.util.Optional<String> linkOf(long accountId, long itemId) {
		return db.sql("select link from notification_item where id = :id and account_id = :a").param("id", itemId)
			.param("a", accountId).query(String.class).optional();
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
