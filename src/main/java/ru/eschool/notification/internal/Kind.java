package ru.eschool.notification.internal;

/** The kinds of event a person may choose to hear about through the outside channels. */
public enum Kind {
	MARK, MARK_CHANGED, ABSENCE, HOMEWORK, LESSON, MESSAGE, ANNOUNCEMENT, PERIOD_MARK;

	public String messageKey() {
		return "notification.kind." + name();
	}
}
