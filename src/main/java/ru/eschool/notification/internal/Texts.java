package ru.eschool.notification.internal;

import java.util.Locale;

import ru.eschool.shared.web.I18n;

/** A notification's words in a language: a title (its kind) and one line of text. */
public final class Texts {

	private Texts() {
	}

	public static String title(Kind kind, Locale locale) {
		return I18n.msg(locale, kind.messageKey());
	}

	public static String line(String[] text, Locale locale) {
		Object[] args = new Object[text.length - 1];
		System.arraycopy(text, 1, args, 0, args.length);
		return I18n.msg(locale, text[0], args);
	}
}
