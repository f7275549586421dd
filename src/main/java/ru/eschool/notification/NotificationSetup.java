package ru.eschool.notification;

import java.time.Clock;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import ru.eschool.notification.internal.Channel;
import ru.eschool.notification.internal.Kind;
import ru.eschool.notification.internal.Preferences;
import ru.eschool.notification.internal.Preferences.Preference;
import ru.eschool.shared.Contacts;

/** What set-up code (the demo) may do with notification preferences. */
@Service
public class NotificationSetup {

	private final Preferences preferences;
	private final Clock clock;

	NotificationSetup(Preferences preferences, Clock clock) {
		this.preferences = preferences;
		this.clock = clock;
	}

	/** Whether the account has saved preferences. */
	public boolean hasPreferences(long accountId) {
		return preferences.of(accountId).updated();
	}

	/**
	 * Every kind of event by e-mail and SMS to the given contacts, without quiet hours (so that a
	 * demo shows them at any hour). Refuses contacts that {@link Contacts} refuses.
	 */
	public void everythingByEmailAndSms(long accountId, String email, String phone) {
		String normalised = Contacts.phone(phone).orElseThrow(() -> new IllegalArgumentException("phone"));
		if (!Contacts.validEmail(email)) {
			throw new IllegalArgumentException("email");
		}
		Map<Kind, Set<Channel>> all = new EnumMap<>(Kind.class);
		for (Kind k : Kind.values()) {
			all.put(k, EnumSet.of(Channel.EMAIL, Channel.SMS));
		}
		preferences.save(accountId, new Preference(email, normalised, "ru", Preferences.DEFAULT_ZONE, LocalTime.MIDNIGHT,
				LocalTime.MIDNIGHT, false, true, all), clock.instant());
	}
}
