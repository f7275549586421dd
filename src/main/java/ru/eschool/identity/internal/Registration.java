package ru.eschool.identity.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.identity.Invitations;
import ru.eschool.identity.Invitations.Found;
import ru.eschool.identity.Invitations.State;

/** Turns an invitation code into an account, or into one more role of an existing account. */
@Service
public class Registration {

	/** Why a code cannot be used; each has a message key {@code register.code.<name>}. */
	public enum Refusal { UNKNOWN, EXPIRED, USED, REVOKED, ALREADY_HELD, LOGIN_TAKEN, OWN_CODE }

	public static class Refused extends RuntimeException {

		private final Refusal reason;

		protected Refused(Refusal reason) {
			super(reason.name(), null, false, false);
			this.reason = reason;
		}

		public Refusal reason() {
			return reason;
		}

		public String messageKey() {
			return "register.refused." + reason.name();
		}
	}

	/** The version of the consent text (i18n key consent.text) people agree to now. */
	public static final String CONSENT_VERSION = "2026-12-04";

	private final Invitations invitations;
	private final Accounts accounts;
	private final PasswordEncoder encoder;
	private final InvitationUse use;

	Registration(Invitations invitations, Accounts accounts, PasswordEncoder encoder, InvitationUse use) {
		this.invitations = invitations;
		this.accounts = accounts;
		this.encoder = encoder;
		this.use = use;
	}

	/** The invitation behind a typed code, if it can still be used. */
	public Found check(String code) {
		Found found = invitations.find(code).orElseThrow(() -> new Refused(Refusal.UNKNOWN));
		if (found.state() != State.VALID) {
			throw new Refused(Refusal.valueOf(found.state().name()));
		}
		return found;
	}

	@Transactional
	public long register(String code, String login, String password, boolean consented) {
		return create(code, login, encoder.encode(password), consented);
	}

	/**
	 * Registration after a sign-in at the state identity provider: the account has no password
	 * (the provider is its way in); the caller links the identity in the same transaction.
	 */
	@Transactional
	public long registerWithoutPassword(String code, String login, boolean consented) {
		return create(code, login, null, consented);
	}

	private long create(String code, String login, @org.jspecify.annotations.Nullable String hash, boolean consented) {
		Found found = check(code);
		if (accounts.loginTaken(login)) {
			throw new Refused(Refusal.LOGIN_TAKEN);
		}
		long account;
		try {
			account = accounts.create(login, hash, found.personName());
		}
		catch (DuplicateKeyException raced) {
			throw new Refused(Refusal.LOGIN_TAKEN);
		}
		grant(found, account);
		if (consented) {
			accounts.recordConsent(account, CONSENT_VERSION);
		}
		return account;
	}

	@Transactional
	public void addRole(long accountId, String code) {
		Found found = check(code);
		// Whoever issued a code hands it to someone else: redeeming it oneself would let an admin
		// take over the role (and the data) of the person it was meant for.
		if (found.createdBy() != null && found.createdBy() == accountId) {
			throw new Refused(Refusal.OWN_CODE);
		}
		if (accounts.hasGrant(accountId, found.role(), found.personId())) {
			throw new Refused(Refusal.ALREADY_HELD);
		}
		grant(found, accountId);
	}

	/**
	 * A one-time code issued by the school for a person who already has an account (a new letter
	 * after a lost password, or where the region allows only the state provider): uses the code
	 * and answers that account. Empty when nobody holds the code's role for its person yet (then
	 * the code is an ordinary invitation).
	 */
	@Transactional
	public java.util.Optional<Long> signInWithCode(String code) {
		Found found = check(code);
		if (found.personId() == null) {
			return java.util.Optional.empty();
		}
		java.util.List<Long> holders = accounts.accountsOf(found.role(), java.util.List.of(found.personId()))
			.getOrDefault(found.personId(), java.util.List.of());
		if (holders.size() != 1) {
			return java.util.Optional.empty();
		}
		if (!use.markUsed(found.id(), holders.get(0))) {
			throw new Refused(Refusal.USED);
		}
		return java.util.Optional.of(holders.get(0));
	}

	private void grant(Found found, long account) {
		if (!use.markUsed(found.id(), account)) {
			throw new Refused(Refusal.USED);
		}
		accounts.addGrant(account, found.role(), found.institutionId(), found.personId());
	}
}
