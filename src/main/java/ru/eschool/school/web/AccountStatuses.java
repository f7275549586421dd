package ru.eschool.school.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.eschool.identity.AccountDirectory;
import ru.eschool.identity.Invitations;
import ru.eschool.shared.Role;

/**
 * Whether people have an account, a pending invitation or neither, as message keys
 * {@code people.account.ACCOUNT|PENDING|NONE}; two statements for any number of people.
 */
@Component
class AccountStatuses {

	static final String ACCOUNT = "people.account.ACCOUNT";
	static final String PENDING = "people.account.PENDING";
	static final String NONE = "people.account.NONE";

	private final AccountDirectory accounts;
	private final Invitations invitations;

	AccountStatuses(AccountDirectory accounts, Invitations invitations) {
		this.accounts = accounts;
		this.invitations = invitations;
	}

	Map<Long, String> of(Role role, Collection<Long> personIds) {
		Map<Long, String> statuses = new HashMap<>();
		if (personIds.isEmpty()) {
			return statuses;
		}
		Set<Long> withAccounts = accounts.personsWithAccounts(role, personIds);
		invitations.pending(role, personIds).forEach(i -> statuses.put(i.personId(), PENDING));
		for (Long id : personIds) {
			if (withAccounts.contains(id)) {
				statuses.put(id, ACCOUNT);
			}
			statuses.putIfAbsent(id, NONE);
		}
		return statuses;
	}
}
