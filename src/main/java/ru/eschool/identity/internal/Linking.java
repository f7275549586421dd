package ru.eschool.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.audit.AuditLog;
import ru.eschool.audit.AuditLog.Outcome;
import ru.eschool.identity.internal.Accounts.Account;

/**
 * Links an identity at the state provider to an account: by the diary login and password of an
 * existing account (throttled like the login page), or by registering with a school's invitation
 * code. Never by name, phone or documents. Unlinking keeps at least one way to sign in.
 */
@Service
public class Linking {

	public enum Result { LINKED, BAD, THROTTLED, TAKEN }

	public record Attempt(Result result, long accountId, long minutes) {
	}

	/** A pending identity is good for this long after the provider's answer. */
	public static final Duration PENDING_FOR = Duration.ofMinutes(15);

	private final Accounts accounts;
	private final FederatedLinks links;
	private final LoginThrottle throttle;
	private final PasswordEncoder encoder;
	private final Registration registration;
	private final AuditLog audit;
	private final Clock clock;
	private final SignInPolicy policy;
	private final ru.eschool.identity.internal.passkeys.Passkeys passkeys;

	Linking(Accounts accounts, FederatedLinks links, LoginThrottle throttle, PasswordEncoder encoder,
			Registration registration, AuditLog audit, Clock clock, SignInPolicy policy, ru.eschool.identity.internal.passkeys.Passkeys passkeys) {
		this.passkeys = passkeys;
		this.accounts = accounts;
		this.links = links;
		this.throttle = throttle;
		this.encoder = encoder;
		this.registration = registration;
		this.audit = audit;
		this.clock = clock;
		this.policy = policy;
	}

	public boolean fresh(PendingIdentity pending) {
		return pending.at().plus(PENDING_FOR).isAfter(clock.instant());
	}

	/** Links the pending identity to the account with this login and password. */
	public Attempt linkWithPassword(PendingIdentity pending, String login, String password, String address) {
		String accountKey = LoginThrottle.accountKey(login);
		String addressKey = LoginThrottle.addressKey(address);
		Optional<Account> account = accounts.byLogin(login);
		@Nullable Long accountId = account.map(Account::id).orElse(null);
		Optional<Instant> blocked = throttle.blockedUntil(accountKey).or(() -> throttle.blockedUntil(addressKey));
		if (blocked.isPresent()) {
			audit.record(SecurityEvents.LINK, accountId, address, Outcome.BLOCKED, pending.provider());
			long minutes = Math.max(1, (Duration.between(clock.instant(), blocked.get()).getSeconds() + 59) / 60);
			return new Attempt(Result.THROTTLED, 0, minutes);
		}
		boolean ok = account.isPresent() && account.get().enabled() && account.get().passwordHash() != null
				&& encoder.matches(password, account.get().passwordHash());
		if (!ok) {
			throttle.failed(accountKey, throttle.accountLimit());
			throttle.failed(addressKey, throttle.addressLimit());
			audit.record(SecurityEvents.LINK, accountId, address, Outcome.FAILURE, pending.provider() + ":password");
			return new Attempt(Result.BAD, 0, 0);
		}
		throttle.succeeded(accountKey);
		if (!links.link(account.get().id(), pending.provider(), pending.subject())) {
			audit.record(SecurityEvents.LINK, accountId, address, Outcome.FAILURE, pending.provider() + ":taken");
			return new Attempt(Result.TAKEN, 0, 0);
		}
		audit.record(SecurityEvents.LINK, accountId, address, Outcome.SUCCESS, pending.provider());
		return new Attempt(Result.LINKED, account.get().id(), 0);
	}

	/**
	 * Registers a new account with a school's code, without a password, and links the pending
	 * identity to it, in one transaction. Throws {@link Registration.Refused} like registration.
	 */
	@Transactional
	public long registerWithCode(PendingIdentity pending, String code, String login, boolean consented) {
		long account = registration.registerWithoutPassword(code, login, consented);
		if (!links.link(account, pending.provider(), pending.subject())) {
			throw new IllegalStateException("identity linked meanwhile");
		}
		return account;
	}

	/** Links one more identity to an account already signed in; false when it belongs to another. */
	public boolean linkToAccount(long accountId, String provider, String subject) {
		Optional<Long> owner = links.accountOf(provider, subject);
		if (owner.isPresent()) {
			return owner.get() == accountId;
		}
		return links.link(accountId, provider, subject);
	}

	/** Whether the account still has a way in once this link is gone. */
	public boolean canUnlink(long accountId, long linkId) {
		Account account = accounts.byId(accountId).orElseThrow();
		long others = links.of(accountId).stream().filter(l -> l.id() != linkId).count();
		boolean password = account.passwordHash() != null && policy.passwordsAllowed(accountId);
		return others > 0 || password || passkeys.any(account.login());
	}

	public boolean unlink(long accountId, long linkId, String address) {
		if (!canUnlink(accountId, linkId)) {
			audit.record(SecurityEvents.UNLINK, accountId, address, Outcome.FAILURE, "last-way-in");
			return false;
		}
		boolean done = links.unlink(accountId, linkId);
		audit.record(SecurityEvents.UNLINK, accountId, address, done ? Outcome.SUCCESS : Outcome.FAILURE, null);
		return done;
	}
}
