package ru.eschool.school;

import org.jspecify.annotations.Nullable;

/** A Russian full name: фамилия, имя, отчество (the last may be absent). */
public record PersonName(String last, String first, @Nullable String middle) {

	/** "Иванова Мария Петровна". */
	public String full() {
		return middle == null || middle.isBlank() ? last + " " + first : last + " " + first + " " + middle;
	}

	/** "Иванова М. П." */
	public String shortForm() {
		StringBuilder sb = new StringBuilder(last).append(' ').append(first.charAt(0)).append('.');
		if (middle != null && !middle.isBlank()) {
			sb.append(' ').append(middle.charAt(0)).append('.');
		}
		return sb.toString();
	}
}
