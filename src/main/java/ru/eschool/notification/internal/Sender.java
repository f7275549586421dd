package ru.eschool.notification.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import ru.eschool.notification.internal.Deliveries.Due;
import ru.eschool.notification.internal.Preferences.Preference;

/** One outside channel's way of sending. */
public interface Sender {

	Channel channel();

	/** Whether the channel is configured; an unconfigured channel gets no deliveries. */
	boolean on();

	/**
	 * Sends one message made of the given notifications (more than one for a daily digest) and
	 * returns the provider's id, if any. Throws on a failure worth retrying; {@link Permanent} for one that is not.
	 */
	@Nullable
	String send(List<Due> notifications, Preference to) throws Exception;

	/** A failure that retrying cannot fix (a push subscription gone, a refused address). */
	class Permanent extends Exception {

		public Permanent(String message) {
			super(message);
		}
	}
}
