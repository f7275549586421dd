package ru.eschool.gradebook;

import java.util.Optional;

/**
 * Attendance letters of the Russian journal: н (absent), б (ill), уп (excused, уважительная
 * причина), оп (late, опоздание). A teacher types the letter; the bundle names it.
 */
public enum Attendance {
	N("н"), B("б"), UP("уп"), OP("оп");

	private final String letter;

	Attendance(String letter) {
		this.letter = letter;
	}

	public String letter() {
		return letter;
	}

	public String messageKey() {
		return "gradebook.attendance." + name();
	}

	/** The attendance a typed token stands for (Russian letters; n, b, up, op also accepted). */
	public static Optional<Attendance> ofToken(String token) {
		String t = token.strip().toLowerCase(java.util.Locale.ROOT);
		for (Attendance a : values()) {
			if (a.letter.equals(t) || a.name().toLowerCase(java.util.Locale.ROOT).equals(t)) {
				return Optional.of(a);
			}
		}
		return Optional.empty();
	}
}
