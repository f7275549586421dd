package ru.eschool.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * An identity the provider vouched for that no account is linked to yet, kept in the session
 * while the person links it (their diary login and password) or registers (a school's code).
 */
public record PendingIdentity(String provider, String subject, String displayName, Instant at)
		implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Session attribute holding the pending identity. */
	public static final String SESSION = "eschool.federation.pending";

	/** Session attribute holding the account that asked to link one more identity (from /account). */
	public static final String LINK_FOR = "eschool.federation.linkFor";
}
