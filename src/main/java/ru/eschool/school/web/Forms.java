package ru.eschool.school.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

import ru.eschool.school.internal.Violation;

/**
 * Reading typed values from the string fields of a form. Each reader rejects the field with a
 * message key when the text is not what it must be, so that every field shows its own error.
 */
final class Forms {

	private Forms() {
	}

	/** An ISO date (what an {@code input type=date} sends), or null with the field rejected. */
	static @Nullable LocalDate date(BindingResult result, String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			rejectOnce(result, field, "validation.required");
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			rejectOnce(result, field, "validation.date");
			return null;
		}
	}

	/** A whole number, or null with the field rejected. */
	static @Nullable Integer number(BindingResult result, String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			rejectOnce(result, field, "validation.required");
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			rejectOnce(result, field, "validation.number");
			return null;
		}
	}

	/** An optional id from a select ("" means none), or null; a non-number is rejected. */
	static @Nullable Long optionalId(BindingResult result, String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			rejectOnce(result, field, "validation.number");
			return null;
		}
	}

	static void reject(BindingResult result, List<Violation> violations) {
		for (Violation v : violations) {
			if (v.field().isEmpty()) {
				result.reject(v.code(), v.args(), null);
			}
			else {
				result.rejectValue(v.field(), v.code(), v.args(), null);
			}
		}
	}

	static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** What a form shows in its fields: name, typed text, name, typed text... (null shown as empty). */
	static Map<String, String> values(@Nullable Object... namesAndValues) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			values.put(String.valueOf(namesAndValues[i]), orEmpty(namesAndValues[i + 1]));
		}
		return values;
	}

	static String orEmpty(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}

	/** Bean Validation may already have rejected the field (e.g. as required): keep its first message. */
	private static void rejectOnce(BindingResult result, String field, String code) {
		if (!result.hasFieldErrors(field)) {
			result.rejectValue(field, code);
		}
	}
}
