package ru.eschool.school.web;

import jakarta.validation.constraints.NotBlank;

import org.jspecify.annotations.Nullable;

/** Moving a student to another class of the current year (or enrolling a former student again). */
public record MoveForm(@NotBlank(message = "{people.class.required}") @Nullable String classId,
		@NotBlank(message = "{validation.date}") @Nullable String movedOn) {
}
