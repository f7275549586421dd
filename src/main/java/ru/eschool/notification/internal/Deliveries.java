package ru.eschool.notification.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.shared.Db;

/**
 * Deliveries of notification items over the outside channels and their life: QUEUED → SENDING
 * (claimed by one node for a lease) → SENT → DELIVERED (SMS receipt), or back to QUEUED with a
 * later attempt, or FAILED (a dead letter) after the last attempt.
 */
@Repository
public class Deliveries {

	public enum Status { QUEUED, SENDING, SENT, DELIVERED, FAILED }

	/** A claimed delivery with what sending it needs. */
	public record Due(long id, long itemId, long accountId, Channel channel, int attempts, @Nullable Instant heldUntil,
			@Nullable String providerId, boolean urgent, String[] text, @Nullable String link, Instant createdAt, Kind kind) {
	}

	/** A dead letter as the school admin sees it. */
	public record DeadLetter(long id, long accountId, Channel channel, int attempts, @Nullable String lastError,
			Instant createdAt, Kind kind, String[] text) {

		/**
		 * The text shown to the admin: the notice's, but a message's names only its sender, because
		 * a conversation is read by those who take part in it and nobody else.
		 */
		public String[] shown() {
			return kind == Kind.MESSAGE && text.length > 1 ? new String[] { "notification.failed.message", text[1] } : text;
		}
	}

	private final JdbcClient db;

	Deliveries(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Claims up to {@code limit} due deliveries for this node until {@code leaseEnd}: queued ones whose
	 * time has come, and sending ones whose lease ran out (a node died while sending). A delivery
	 * waits while an earlier one to the same account over the same channel is still pending, so each
	 * person gets their messages in order. {@code for update skip locked}: nodes never claim the same row.
	 */
	@Transactional
	public List<Due> claim(Instant now, int limit, Instant leaseEnd) {
		List<Long> ids = db.sql("""
				select d.id from notification_delivery d
				where ((d.status = 'QUEUED' and d.next_attempt_at <= :now) or (d.status = 'SENDING' and d.claimed_until < :now))
				  and not exists (select 1 from notification_delivery e where e.account_id = d.account_id
				    and e.channel = d.channel and e.id < d.id and e.status in ('QUEUED', 'SENDING') and e.held_until is null)
				order by d.id limit :n for update skip locked""")
			.param("now", Db.utc(now)).param("n", limit).query(Long.class).list();
		if (ids.isEmpty()) {
			return List.of();
		}
		db.sql("update notification_delivery set status = 'SENDING', claimed_until = :until where id in (:ids)")
			.param("until", Db.utc(leaseEnd)).param("ids", ids).update();
		return db.sql("""
				select d.id, d.item_id, d.account_id, d.channel, d.attempts, d.held_until, d.provider_id, i.urgent, i.args,
				       i.link, i.created_at, i.kind
				from notification_delivery d join notification_item i on i.id = d.item_id
				where d.id in (:ids) order by d.id""").param("ids", ids)
			.query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3), Channel.valueOf(rs.getString(4)),
					rs.getInt(5), instant(rs.getObject(6, OffsetDateTime.class)), rs.getString(7), rs.getBoolean(8),
					Notice.unpack(rs.getString(9)), blankToNull(rs.getString(10)),
					rs.getObject(11, OffsetDateTime.class).toInstant(), Kind.valueOf(rs.getString(12))))
			.list();
	}

	/** Sent (and, for e-mail and push, done); a receipt that came first (DELIVERED, FAILED) stands. */
	public void sent(long id, @Nullable String providerId, Instant now) {
		db.sql("""
				update notification_delivery set status = case when status = 'SENDING' then 'SENT' else status end, provider_id = coalesce(nullif(:p, ''), provider_id), sent_at = :now,
				  attempts = attempts + 1, claimed_until = null, last_error = null where id = :id""")
			.param("p", providerId == null ? "" : providerId).param("now", Db.utc(now)).param("id", id).update();
	}

	/** Not now: quiet hours or the digest; no attempt is counted. */
	public void hold(long id, Instant until) {
		db.sql("""
				update notification_delivery set status = 'QUEUED', next_attempt_at = :t, held_until = :t, claimed_until = null
				where id = :id""").param("t", Db.utc(until)).param("id", id).update();
	}

	/** Put back untried (an earlier delivery to the same person failed in this round). */
	public void release(long id) {
		db.sql("update notification_delivery set status = 'QUEUED', claimed_until = null where id = :id").param("id", id)
			.update();
	}

	/** A failed attempt: tried again at {@code next}, or a dead letter when {@code next} is null. */
	public void failed(long id, String error, @Nullable Instant next) {
		String e = error.length() > 500 ? error.substring(0, 500) : error;
		if (next == null) {
			db.sql("""
					update notification_delivery set status = 'FAILED', attempts = attempts + 1, last_error = :e,
					  claimed_until = null where id = :id""").param("e", e).param("id", id).update();
		}
		else {
			db.sql("""
					update notification_delivery set status = 'QUEUED', attempts = attempts + 1, last_error = :e,
					  next_attempt_at = :next, claimed_until = null where id = :id""")
				.param("e", e).param("next", Db.utc(next)).param("id", id).update();
		}
	}

	/** Records the SMSC's id of one part as soon as the SMSC accepted it (a retry skips that part). */
	public void smsPart(long deliveryId, int part, String smscId) {
		db.sql("insert into notification_sms_part (smsc_id, delivery_id, part) values (:s, :d, :p) on conflict do nothing")
			.param("s", smscId).param("d", deliveryId).param("p", part).update();
	}

	/** The parts of an SMS the SMSC has already accepted. */
	public List<Integer> smsPartsSent(long deliveryId) {
		return db.sql("select part from notification_sms_part where delivery_id = :d order by part").param("d", deliveryId)
			.query(Integer.class).list();
	}

	/**
	 * A delivery receipt for one part: the SMS is delivered when every part is. Returns false when the
	 * part is not known yet (the receipt overtook the storing of its id), so the caller tries again.
	 */
	@Transactional
	public boolean receipt(String smscId, boolean delivered, Instant now) {
		Long deliveryId = db.sql("select max(delivery_id) from notification_sms_part where smsc_id = :s").param("s", smscId)
			.query(Long.class).optional().orElse(null);
		if (deliveryId == null) {
			return false;
		}
		// receipts of the parts of one SMS come concurrently: one at a time per delivery, so the last sees all others
		db.sql("select id from notification_delivery where id = :d for update").param("d", deliveryId).query(Long.class).list();
		if (!delivered) {
			db.sql("update notification_delivery set status = 'FAILED', last_error = 'receipt: not delivered' where id = :d")
				.param("d", deliveryId).update();
			return true;
		}
		db.sql("update notification_sms_part set delivered = true where smsc_id = :s and delivery_id = :d").param("s", smscId)
			.param("d", deliveryId).update();
		db.sql("""
				update notification_delivery set status = 'DELIVERED', delivered_at = :now where id = :d
				and not exists (select 1 from notification_sms_part p where p.delivery_id = :d and not p.delivered)""")
			.param("now", Db.utc(now)).param("d", deliveryId).update();
		return true;
	}

	/** Deliveries that failed for good, to people notified by the institution's events. */
	public List<DeadLetter> deadLetters(long institutionId, int limit) {
		return db.sql("""
				select d.id, d.account_id, d.channel, d.attempts, d.last_error, d.created_at, i.kind, i.args
				from notification_delivery d join notification_item i on i.id = d.item_id
				where d.institution_id = :i and d.status = 'FAILED' order by d.id desc limit :n""")
			.param("i", institutionId).param("n", limit)
			.query((rs, n) -> new DeadLetter(rs.getLong(1), rs.getLong(2), Channel.valueOf(rs.getString(3)), rs.getInt(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), Kind.valueOf(rs.getString(7)),
					Notice.unpack(rs.getString(8))))
			.list();
	}

	/** Sends a dead letter of the institution once more from the start; false when it is not theirs. */
	public boolean retry(long institutionId, long id, Instant now) {
		return db.sql("""
				update notification_delivery set status = 'QUEUED', attempts = 0, next_attempt_at = :now, claimed_until = null
				where id = :id and institution_id = :i and status = 'FAILED'""")
			.param("now", Db.utc(now)).param("id", id).param("i", institutionId).update() > 0;
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime t) {
		return t == null ? null : t.toInstant();
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
