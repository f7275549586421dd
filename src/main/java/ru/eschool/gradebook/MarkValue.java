package ru.eschool.gradebook;

import java.util.Locale;
import java.util.Optional;

/**
 * A mark as stored ({@code code}) and as typed in the journal ({@code token}): 1–5, or зачёт
 * ("зч", also "з", "+") and незачёт ("нз", also "-") on pass/fail subjects. The tokens are the
 * journal's notation, like the attendance letters, and read the same in both languages.
 */
public enum MarkValue {
	ONE("1", "1"), TWO("2", "2"), THREE("3", "3"), FOUR("4", "4"), FIVE("5", "5"), PASS("P", "зч"), FAIL("F", "нз");

	private final String code;
	private final String token;

	MarkValue(String code, String token) {
		this.code = code;
		this.token = token;
	}

	public String code() {
		return code;
	}

	public String token() {
		return token;
	}

	public boolean passFail() {
		return this == PASS || this == FAIL;
	}

	/** The numeric value 1–5 of a graded mark. */
	public int number() {
		return ordinal() + 1;
	}

	public static MarkValue ofCode(String code) {
		for (MarkValue v : values()) {
			if (v.code.equals(code)) {
				return v;
			}
		}
		throw new IllegalArgumentException(code);
	}

	public static MarkValue ofNumber(int n) {
		return values()[n - 1];
	}

	/** What a typed token stands for, if it is a mark at all. */
	public static Optional<MarkValue> ofToken(String token) {
		String t = token.strip().toLowerCase(Locale.ROOT);
		return switch (t) {
			case "1", "2", "3", "4", "5" -> Optional.of(ofNumber(Integer.parseInt(t)));
			case "зч", "з", "зач", "+" -> Optional.of(PASS);
			case "нз", "незач", "-" -> Optional.of(FAIL);
			default -> Optional.empty();
		};
	}
}
