package ru.eschool.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.identity.internal.Accounts;
import ru.eschool.identity.internal.Sessions;
import ru.eschool.shared.Role;

/**
 * Who already has an account, by the person records other modules own (a student, guardian or
 * staff id). Identity knows people only by these ids, so it stays independent of the school.
 */
@Service
public class AccountDirectory {

	private final Accounts accounts;
	private final Invitations invitations;
	private final Sessions sessions;

	AccountDirectory(Accounts accounts, Invitations invitations, Sessions sessions) {
		this.accounts = accounts;
		this.invitations = invitations;
		this.sessions = sessions;
	}

	/**
	 * A staff member left (or was deactivated): their teacher and admin roles go, their pending codes
	 * for those roles stop working, and their sessions end on every node, so access stops now.
	 */
	@Transactional
	public void revokeStaffAccess(long staffId) {
		List<Role> staffRoles = List.of(Role.TEACHER, Role.SCHOOL_ADMIN);
		invitations.revokePending(staffRoles, staffId);
		accounts.removeGrants(staffRoles, staffId).forEach(sessions::endAll);
	}

	/**
	 * The accounts acting as any of the given persons in their role (role → person ids; a
	 * {@link java.util.LinkedHashMap} keeps its roles first in the answer), in one statement.
	 */
	public Set<Long> accountIdsOf(Map<Role, ? extends Collection<Long>> people) {
		return accounts.accountIdsOf(people);
	}

	/** Those of the given persons who hold an account in this role. */
	public Set<Long> personsWithAccounts(Role role, Collection<Long> personIds) {
		return accounts.personsWithAccounts(role, personIds);
	}

	/** The accounts that act as each of the given persons in this role (persons without one are absent). */
	public Map<Long, List<Long>> accountsOf(Role role, Collection<Long> personIds) {
		return accounts.accountsOf(role, personIds);
	}
}
