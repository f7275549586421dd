package ru.eschool.school.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A new student: names, optional contacts, and the class of the current year they join.
 * Ids and dates are kept as typed, so that a wrong value re-renders the form with a message.
 */
public record NewStudentForm(
		@NotBlank(message = "{validation.required}") @Size(max = 80, message = "{validation.tooLong}") @Nullable String lastName,
		@NotBlank(message = "{validation.required}") @Size(max = 80, message = "{validation.tooLong}") @Nullable String firstName,
		@Size(max = 80, message = "{validation.tooLong}") @Nullable String middleName,
		@Size(max = 200, message = "{validation.tooLong}") @Nullable String email,
		@Size(max = 30, message = "{validation.tooLong}") @Nullable String phone,
		@NotBlank(message = "{people.class.required}") @Nullable String classId,
		@NotBlank(message = "{validation.date}") @Nullable String joinedOn) {
}
