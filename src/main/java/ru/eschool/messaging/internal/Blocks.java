package ru.eschool.messaging.internal;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/** Who receives no new message from whom. */
@Repository
public class Blocks {

	private final JdbcClient db;

	Blocks(JdbcClient db) {
		this.db = db;
	}

	public boolean blocks(long blockerAccountId, long blockedAccountId) {
		return db.sql("select count(*) from messaging_block where blocker_account_id = :a and blocked_account_id = :b")
			.param("a", blockerAccountId).param("b", blockedAccountId).query(Long.class).single() > 0;
	}

	public void block(long blockerAccountId, long blockedAccountId, Instant now) {
		db.sql("""
				insert into messaging_block (blocker_account_id, blocked_account_id, created_at) values (:a, :b, :t)
				on conflict do nothing""").param("a", blockerAccountId).param("b", blockedAccountId).param("t", Db.utc(now))
			.update();
	}

	public void unblock(long blockerAccountId, long blockedAccountId) {
		db.sql("delete from messaging_block where blocker_account_id = :a and blocked_account_id = :b")
			.param("a", blockerAccountId).param("b", blockedAccountId).update();
	}
}
