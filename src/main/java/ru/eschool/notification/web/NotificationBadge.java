package ru.eschool.notification.web;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.eschool.shared.Actor;
import ru.eschool.shared.web.HeaderBadge;

/** The number of unread notifications beside the person's name (counted with the other header counters). */
@Component
@Order(20)
class NotificationBadge implements HeaderBadge {

	private static final Counter UNREAD = new Counter(
			"(select count(*) from notification_item where account_id = :account and read_at is null)", "/notifications",
			"notification.badge");

	@Override
	public Optional<Counter> counterFor(Actor actor) {
		return Optional.of(UNREAD);
	}
}
