package ru.eschool.messaging.web;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import ru.eschool.shared.Actor;
import ru.eschool.shared.web.HeaderBadge;

/**
 * "Сообщения: N" in the header: messages of the account's conversations and announcements sent to
 * it that it has not read yet, counted in one statement.
 */
@Component
@Order(80)
class UnreadBadge implements HeaderBadge {

	private final JdbcClient db;

	UnreadBadge(JdbcClient db) {
		this.db = db;
	}

	@Override
	public Optional<Badge> badgeFor(Actor actor) {
		int n = db.sql("""
				select (select count(*) from messaging_participant p
				  join messaging_message m on m.conversation_id = p.conversation_id
				    and m.id > p.last_read_message_id and m.sender_account_id <> p.account_id
				  where p.account_id = :a)
				 + (select count(*) from messaging_recipient r where r.account_id = :a and r.read_at is null)""")
			.param("a", actor.accountId()).query(Integer.class).single();
		return n == 0 ? Optional.empty() : Optional.of(new Badge("/messages", "messaging.badge", n));
	}
}
