package ru.eschool.identity;

import java.util.Collection;
import java.util.Set;

import org.springframework.stereotype.Service;

import ru.eschool.identity.internal.Accounts;
import ru.eschool.shared.Role;

/**
 * Who already has an account, by the person records other modules own (a student, guardian or
 * staff id). Identity knows people only by these ids, so it stays independent of the school.
 */
@Service
public class AccountDirectory {

	private final Accounts accounts;

	AccountDirectory(Accounts accounts) {
		this.accounts = accounts;
	}

	/** Those of the given persons who hold an account in this role. */
	public Set<Long> personsWithAccounts(Role role, Collection<Long> personIds) {
		return accounts.personsWithAccounts(role, personIds);
	}
}
