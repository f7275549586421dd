package ru.eschool.identity.internal;

import java.nio.charset.StandardCharsets;

import org.springframework.validation.BindingResult;

/** Checks on a new password that Bean Validation cannot express. */
public final class Passwords {

	/** bcrypt reads at most 72 bytes; 37 Cyrillic letters already exceed that. */
	static final int MAX_BYTES = 72;

	private Passwords() {
	}

	/** Rejects the field when the password is too long for bcrypt or differs from its confirmation. */
	public static void check(String password, String confirm, String field, BindingResult result) {
		if (password == null) {
			return;
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			result.rejectValue(field, "validation.password.bytes");
		}
		if (!password.equals(confirm)) {
			result.rejectValue("confirm", "validation.password.mismatch");
		}
	}
}
