package ru.eschool.messaging.internal;

import java.util.List;

import org.springframework.stereotype.Service;

import ru.eschool.messaging.Announcements;

/** The recipients of an announcement as stored when it was published. */
@Service
class AnnouncementRecipients implements Announcements {

	private final Bulletins bulletins;

	AnnouncementRecipients(Bulletins bulletins) {
		this.bulletins = bulletins;
	}

	@Override
	public List<Long> recipientAccountIds(long announcementId) {
		return bulletins.recipientAccountIds(announcementId);
	}
}
