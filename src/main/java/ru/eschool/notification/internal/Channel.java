package ru.eschool.notification.internal;

/** The outside channels; the in-app centre is not one of them: it always gets every notification. */
public enum Channel {
	EMAIL, SMS, PUSH;

	public String messageKey() {
		return "notification.channel." + name();
	}
}
