package ru.eschool.identity;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.identity.internal.Accounts;
import ru.eschool.shared.Role;

/**
 * Creates accounts directly, without an invitation: the first regional admin at installation and
 * the demo region's accounts. People normally get accounts by registering with a code.
 */
@Service
public class AccountProvisioning {

	public record Grant(Role role, @Nullable Long institutionId, @Nullable Long personId) {
	}

	private final Accounts accounts;
	private final PasswordEncoder encoder;

	AccountProvisioning(Accounts accounts, PasswordEncoder encoder) {
		this.accounts = accounts;
		this.encoder = encoder;
	}

	/** Hashes a password once, so that many demo accounts can share one hash cheaply. */
	public String hash(String password) {
		return encoder.encode(password);
	}

	public boolean exists(String login) {
		return accounts.loginTaken(login);
	}

	@Transactional
	public long provision(String login, String passwordHash, String displayName, List<Grant> grants) {
		long id = accounts.create(login, passwordHash, displayName);
		for (Grant g : grants) {
			accounts.addGrant(id, g.role(), g.institutionId(), g.personId());
		}
		return id;
	}

	/** Adds a role to an existing account. */
	@Transactional
	public void grant(long accountId, Grant grant) {
		accounts.addGrant(accountId, grant.role(), grant.institutionId(), grant.personId());
	}
}
