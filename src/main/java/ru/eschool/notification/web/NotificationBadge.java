package ru.eschool.notification.web;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.eschool.notification.internal.Inbox;
import ru.eschool.shared.Actor;
import ru.eschool.shared.web.HeaderBadge;

/** The number of unread notifications beside the person's name (one statement per full page). */
@Component
@Order(20)
class NotificationBadge implements HeaderBadge {

	private final Inbox inbox;

	NotificationBadge(Inbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public Optional<Badge> badgeFor(Actor actor) {
		int unread = inbox.unread(actor.accountId());
		return unread == 0 ? Optional.empty() : Optional.of(new Badge("/notifications", "notification.badge", unread));
	}
}
