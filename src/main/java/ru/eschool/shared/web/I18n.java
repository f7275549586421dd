package ru.eschool.shared.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Message lookup for templates: {@code ${t("key")}} after {@code @import static
 * ru.eschool.shared.web.I18n.t}. Texts live only in the bundles under {@code i18n/}; Russian is
 * the default bundle, English the {@code _en} one.
 */
@Component
public final class I18n {

	private static volatile MessageSource messages;

	I18n(MessageSource messageSource) {
		messages = messageSource;
	}

	public static String t(String key, Object... args) {
		return msg(LocaleContextHolder.getLocale(), key, args);
	}

	public static String msg(Locale locale, String key, Object... args) {
		try {
			return messages.getMessage(key, args.length == 0 ? null : args, locale);
		}
		catch (NoSuchMessageException e) {
			return "??" + key + "??";
		}
	}

	/** The current language, "ru" or "en". */
	public static String lang() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "ru";
	}
}
