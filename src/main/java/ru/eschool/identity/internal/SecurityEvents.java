package ru.eschool.identity.internal;

import java.util.List;

/** The kinds of security event the identity module writes to the audit log. */
public final class SecurityEvents {

	public static final String SIGN_IN = "SIGN_IN";
	public static final String LINK = "LINK";
	public static final String UNLINK = "UNLINK";
	public static final String SIGN_OUT_OTHERS = "SIGN_OUT_OTHERS";
	public static final String PASSKEY_ADDED = "PASSKEY_ADDED";
	public static final String PASSKEY_REMOVED = "PASSKEY_REMOVED";
	public static final String PASSWORD_RESET = "PASSWORD_RESET";
	public static final String SIGN_IN_CODE_ISSUED = "SIGN_IN_CODE_ISSUED";

	/** What a person sees of their own log on the profile page. */
	public static final List<String> SHOWN = List.of(SIGN_IN, LINK, UNLINK, SIGN_OUT_OTHERS, PASSKEY_ADDED, PASSKEY_REMOVED,
			PASSWORD_RESET);

	/** Methods, in the detail of a sign-in. */
	public static final String PASSWORD = "password";
	public static final String FEDERATED = "federated";
	public static final String PASSKEY = "passkey";

	private SecurityEvents() {
	}
}
