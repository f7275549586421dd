package ru.eschool.school.web;

import jakarta.validation.constraints.NotBlank;

import org.jspecify.annotations.Nullable;

/** A student leaving the school: the date and why. */
public record LeaveForm(@NotBlank(message = "{validation.date}") @Nullable String leftOn,
		@NotBlank(message = "{people.leave.reason.required}") @Nullable String reason) {
}
