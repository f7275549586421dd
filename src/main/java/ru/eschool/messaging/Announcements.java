package ru.eschool.messaging;

import java.util.List;

/** What other modules may ask of announcements. */
public interface Announcements {

	/** Every account an announcement was addressed to, resolved when it was published. */
	List<Long> recipientAccountIds(long announcementId);
}
