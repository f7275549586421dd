package ru.eschool.identity;

import java.util.Collection;
import java.util.Set;

import org.springframework.stereotype.Service;

import ru.eschool.identity.internal.Accounts;
import ru.eschool.shared.Role;

/** Which people already have an account in a role (for invitation status in admin pages). */
@Service
public class AccountDirectory {

	private final Accounts accounts;

	AccountDirectory(Accounts accounts) {
		this.accounts = accounts;
	}

	public Set<Long> personsWithAccounts(Role role, Collection<Long> personIds) {
		return accounts.personsWithAccounts(role, personIds);
	}
}
