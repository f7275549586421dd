package ru.eschool.school.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import ru.eschool.school.PersonName;

/** Names and optional contacts of a student or a guardian, as typed into a form. */
public record PersonForm(
		@NotBlank(message = "{validation.required}") @Size(max = 80, message = "{validation.tooLong}") @Nullable String lastName,
		@NotBlank(message = "{validation.required}") @Size(max = 80, message = "{validation.tooLong}") @Nullable String firstName,
		@Size(max = 80, message = "{validation.tooLong}") @Nullable String middleName,
		@Size(max = 200, message = "{validation.tooLong}") @Nullable String email,
		@Size(max = 30, message = "{validation.tooLong}") @Nullable String phone) {

	static PersonForm empty() {
		return new PersonForm("", "", "", "", "");
	}

	static PersonForm of(PersonName name, @Nullable String email, @Nullable String phone) {
		return new PersonForm(name.last(), name.first(), name.middle(), email, phone);
	}

	/** Call only after validation: both names are present. */
	PersonName name() {
		return PeopleForms.name(lastName, firstName, middleName);
	}
}
