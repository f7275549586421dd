package ru.eschool.school.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import ru.eschool.school.PersonName;
import ru.eschool.school.internal.Classes.SchoolClass;
import ru.eschool.school.internal.Guardians.Relation;
import ru.eschool.shared.Contacts;
import ru.eschool.shared.web.I18n;

/** What the people pages' forms share: contact checks, names, and the choices of selects. */
final class PeopleForms {

	private PeopleForms() {
	}

	static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static PersonName name(@Nullable String last, @Nullable String first, @Nullable String middle) {
		return new PersonName(last == null ? "" : last.strip(), first == null ? "" : first.strip(), blankToNull(middle));
	}

	/** Checks the optional e-mail and phone; rejects the fields that are wrong. */
	static Contact contacts(@Nullable String email, @Nullable String phone, BindingResult result) {
		String e = blankToNull(email);
		String p = blankToNull(phone);
		String normalized = null;
		if (e != null && !Contacts.validEmail(e)) {
			reject(result, "email", "validation.email");
		}
		if (p != null) {
			normalized = Contacts.phone(p).orElse(null);
			if (normalized == null) {
				reject(result, "phone", "validation.phone");
			}
		}
		return new Contact(e, normalized);
	}

	/**
	 * Adds a field error without reading the form object (a record has no setters or getters in
	 * the bean sense), resolved by {@link ru.eschool.shared.web.FormErrors} from the message key.
	 */
	static void reject(BindingResult result, String field, String key) {
		result.addError(new FieldError(result.getObjectName(), field, null, false, new String[] { key }, null, null));
	}

	/** An id as typed, if it is one; rejects the field otherwise (a blank field is left to @NotBlank). */
	static @Nullable Long id(@Nullable String typed, String field, BindingResult result) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(typed.strip());
		}
		catch (NumberFormatException e) {
			reject(result, field, "people.class.required");
			return null;
		}
	}

	/** A date as typed (yyyy-mm-dd from a date input), if it is one; rejects the field otherwise. */
	static @Nullable LocalDate date(@Nullable String typed, String field, BindingResult result) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException e) {
			reject(result, field, "validation.date");
			return null;
		}
	}

	record Contact(@Nullable String email, @Nullable String phone) {
	}

	static List<Option> classes(List<SchoolClass> classes) {
		return classes.stream().map(c -> new Option(Long.toString(c.id()), c.name())).toList();
	}

	static List<Option> relations() {
		return Arrays.stream(Relation.values())
			.map(r -> new Option(r.name(), I18n.t("people.relation." + r.name())))
			.toList();
	}
}
