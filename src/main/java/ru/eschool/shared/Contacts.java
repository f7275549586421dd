package ru.eschool.shared;

import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The only contact data the system keeps: an optional phone (stored as +7XXXXXXXXXX) and an
 * optional e-mail, both for notifications. Normalises what people type and refuses the rest.
 */
public final class Contacts {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}");

	private Contacts() {
	}

	/** "+7 (914) 123-45-67", "8 914 123 45 67", "79141234567" all become "+79141234567". */
	public static Optional<String> phone(@Nullable String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String digits = typed.replaceAll("[\\s()\\-]", "");
		if (digits.startsWith("+7")) {
			digits = digits.substring(2);
		}
		else if ((digits.startsWith("8") || digits.startsWith("7")) && digits.length() == 11) {
			digits = digits.substring(1);
		}
		return digits.matches("\\d{10}") ? Optional.of("+7" + digits) : Optional.empty();
	}

	public static boolean validEmail(@Nullable String typed) {
		return typed != null && typed.length() <= 200 && EMAIL.matcher(typed.strip()).matches();
	}
}
