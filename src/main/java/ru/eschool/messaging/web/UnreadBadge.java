package ru.eschool.messaging.web;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.eschool.shared.Actor;
import ru.eschool.shared.web.HeaderBadge;

/**
 * "Сообщения: N" in the header: messages of the account's conversations and announcements sent to
 * it that it has not read yet (counted with the other header counters).
 */
@Component
@Order(80)
class UnreadBadge implements HeaderBadge {

	private static final Counter UNREAD = new Counter("""
			(select count(*) from messaging_participant p
			  join messaging_message m on m.conversation_id = p.conversation_id
			    and m.id > p.last_read_message_id and m.sender_account_id <> p.account_id
			  where p.account_id = :account)
			 + (select count(*) from messaging_recipient r where r.account_id = :account and r.read_at is null)""",
			"/messages", "messaging.badge");

	@Override
	public Optional<Counter> counterFor(Actor actor) {
		return Optional.of(UNREAD);
	}
}
