package ru.eschool.identity.internal;

import java.util.List;

/** The kinds of security event the identity module writes to the audit log. */
public final class SecurityEvents {

	public static final String SIGN_IN = "SIGN_IN";
	public static final String LINK = "LINK";
	public static final String UNLINK = "UNLINK";
	public static final String SIGN_OUT_OTHERS = "SIGN_OUT_OTHERS";

	/** What a person sees of their own log on the profile page. */
	public static final List<String> SHOWN = List.of(SIGN_IN, LINK, UNLINK, SIGN_OUT_OTHERS);

	/** Methods, in the detail of a sign-in. */
	public static final String PASSWORD = "password";
	public static final String FEDERATED = "federated";

	private SecurityEvents() {
	}
}
