package ru.eschool.messaging;

import org.jspecify.annotations.Nullable;

/**
 * An announcement was published. The recipients may be many (a whole school's guardians), so the
 * event carries no list: a listener reads them with {@link Announcements#recipientAccountIds(long)}.
 * {@code urgent} is set only by a school or regional admin and overrides quiet hours.
 */
public record AnnouncementPublished(long announcementId, @Nullable Long institutionId, long authorAccountId, String authorName,
		String title, boolean urgent) {
}
