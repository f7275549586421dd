package ru.eschool.notification.internal;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.eschool.messaging.AnnouncementRead;
import ru.eschool.messaging.ConversationRead;

/**
 * What a person read where it was sent needs no second reminder: opening a conversation or an
 * announcement marks its notifications read. Synchronous, in the reader's transaction, so the
 * header's counter is right on the very page that did the reading; nothing to persist or retry.
 */
@Component
class ReadElsewhere {

	private final Inbox inbox;
	private final Clock clock;

	ReadElsewhere(Inbox inbox, Clock clock) {
		this.inbox = inbox;
		this.clock = clock;
	}

	@EventListener
	void on(ConversationRead e) {
		inbox.markReadByLink(e.accountId(), "/messages/" + e.conversationId(), clock.instant());
	}

	@EventListener
	void on(AnnouncementRead e) {
		inbox.markReadByLink(e.accountId(), "/announcements/" + e.announcementId(), clock.instant());
	}
}
