package ru.eschool.school.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** A new guardian, optionally linked right away to a student (with the relation). */
public record NewGuardianForm(
		@NotBlank(message = "{validation.required}") @Size(max = 80, message = "{validation.tooLong}") @Nullable String lastName,
		@NotBlank(message = "{validation.required}") @Size(max = 80, message = "{validation.tooLong}") @Nullable String firstName,
		@Size(max = 80, message = "{validation.tooLong}") @Nullable String middleName,
		@Size(max = 200, message = "{validation.tooLong}") @Nullable String email,
		@Size(max = 30, message = "{validation.tooLong}") @Nullable String phone,
		@Nullable String studentId,
		@Nullable String relation) {
}
