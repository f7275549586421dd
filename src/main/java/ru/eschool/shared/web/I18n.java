package ru.eschool.shared.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

	/**
	 * Texts without arguments, by language: a page asks for the same few hundred keys again and
	 * again, and each lookup otherwise walks the fourteen bundles. Only the two languages of the
	 * interface are kept (a cookie can name any locale), so the map is bounded by the bundles' keys.
	 */
	private static final Map<Locale, Map<String, String>> PLAIN = Map.of(Locale.forLanguageTag("ru"),
			new ConcurrentHashMap<>(), Locale.ENGLISH, new ConcurrentHashMap<>());

	I18n(MessageSource messageSource) {
		messages = messageSource;
		PLAIN.values().forEach(Map::clear);
	}

	public static String t(String key, Object... args) {
		return msg(LocaleContextHolder.getLocale(), key, args);
	}

	public static String msg(Locale locale, String key, Object... args) {
		Map<String, String> plain = args.length == 0 ? PLAIN.get(locale) : null;
		if (plain == null) {
			return lookup(locale, key, args);
		}
		String text = plain.get(key);
		if (text == null) {
			text = lookup(locale, key, args);
			plain.put(key, text);
		}
		return text;
	}

	private static String lookup(Locale locale, String key, Object[] args) {
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
