package ru.eschool.notification.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to tell, before it is addressed: {@code sourceKey} names the source event (the same event
 * replayed gives the same key), {@code messageKey} and {@code args} the text in any language.
 */
public record Notice(String sourceKey, Kind kind, @Nullable Long institutionId, String messageKey, List<String> args,
		@Nullable String link, boolean urgent) {

	static final char SEP = '\u001f';

	String packedArgs() {
		StringBuilder sb = new StringBuilder(messageKey);
		for (String a : args) {
			sb.append(SEP).append(a.replace(SEP, ' '));
		}
		String packed = sb.toString();
		return packed.length() > 2000 ? packed.substring(0, 2000) : packed;
	}

	static String[] unpack(String packed) {
		return packed.split(String.valueOf(SEP), -1);
	}
}
