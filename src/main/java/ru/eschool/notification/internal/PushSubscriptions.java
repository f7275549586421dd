package ru.eschool.notification.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/** The browsers (push endpoints) where each account allowed web push. */
@Repository
public class PushSubscriptions {

	public record Subscription(long id, String endpoint, String p256dh, String auth) {
	}

	private final JdbcClient db;

	PushSubscriptions(JdbcClient db) {
		this.db = db;
	}

	/** Adds (or moves to this account) a browser's subscription. */
	public void save(long accountId, String endpoint, String p256dh, String auth, Instant now) {
		db.sql("delete from notification_push_subscription where endpoint = :e").param("e", endpoint).update();
		db.sql("""
				insert into notification_push_subscription (account_id, endpoint, p256dh, auth, created_at)
				values (:a, :e, :k, :s, :now)""").param("a", accountId).param("e", endpoint).param("k", p256dh)
			.param("s", auth).param("now", Db.utc(now)).update();
	}

	public List<Subscription> of(long accountId) {
		return db.sql("select id, endpoint, p256dh, auth from notification_push_subscription where account_id = :a order by id")
			.param("a", accountId).query(Subscription.class).list();
	}

	public int count(long accountId) {
		return db.sql("select count(*) from notification_push_subscription where account_id = :a").param("a", accountId)
			.query(Integer.class).single();
	}

	/** A subscription the push service says is gone (404/410). */
	public void remove(long id) {
		db.sql("delete from notification_push_subscription where id = :id").param("id", id).update();
	}

	public void removeAll(long accountId) {
		db.sql("delete from notification_push_subscription where account_id = :a").param("a", accountId).update();
	}
}
