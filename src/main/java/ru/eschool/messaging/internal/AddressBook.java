package ru.eschool.messaging.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.eschool.identity.AccountDirectory;
import ru.eschool.school.Correspondents;
import ru.eschool.school.Correspondents.Correspondent;
import ru.eschool.school.Correspondents.Relation;
import ru.eschool.shared.Role;

/**
 * The accounts a person may write to: the school's relations ({@link Correspondents}) turned into
 * accounts in the role they are reached as. A person without an account cannot be written to.
 * One statement for the relations and one per role of account asked for (at most four).
 */
@Component
public class AddressBook {

	/** Someone the person may write to. */
	public record Contact(long accountId, Role role, long personId, String name, Relation relation, String detail) {

		/** The value a form sends to pick this contact. */
		public String key() {
			return accountId + "-" + role.name();
		}
	}

	private final Correspondents correspondents;
	private final AccountDirectory accounts;

	AddressBook(Correspondents correspondents, AccountDirectory accounts) {
		this.correspondents = correspondents;
		this.accounts = accounts;
	}

	/** The roles a relation reaches a person in. */
	static List<Role> rolesOf(Relation relation) {
		return switch (relation) {
			case CHILD_TEACHER, CLASS_TEACHER, MY_TEACHER -> List.of(Role.TEACHER);
			case ADMINISTRATION -> List.of(Role.SCHOOL_ADMIN);
			case COLLEAGUE -> List.of(Role.TEACHER, Role.SCHOOL_ADMIN);
			case MY_STUDENT -> List.of(Role.STUDENT);
			case STUDENT_GUARDIAN, SCHOOL_GUARDIAN -> List.of(Role.GUARDIAN);
		};
	}

	/**
	 * Whether the account, acting in the role as the person of the institution, may write to the
	 * other account acting in its role as the other person: {@link #contactsOf} for that one person
	 * (two statements, however many people the account may write to).
	 */
	public boolean mayWrite(long ownAccountId, Role role, long institutionId, long personId, long otherAccountId,
			Role otherRole, long otherPersonId) {
		if (otherAccountId == ownAccountId) {
			return false;
		}
		boolean related = correspondents.withPerson(role, institutionId, personId, otherPersonId).stream()
			.anyMatch(c -> rolesOf(c.relation()).contains(otherRole));
		return related && accounts.accountsOf(otherRole, List.of(otherPersonId)).getOrDefault(otherPersonId, List.of())
			.contains(otherAccountId);
	}

	/** Everyone the account, acting in the role as the person of the institution, may write to (never itself). */
	public List<Contact> contactsOf(long ownAccountId, Role role, long institutionId, long personId) {
		List<Correspondent> found = correspondents.of(role, institutionId, personId);
		Map<Role, Set<Long>> wanted = new EnumMap<>(Role.class);
		for (Correspondent c : found) {
			for (Role r : rolesOf(c.relation())) {
				wanted.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(c.personId());
			}
		}
		Map<Role, Map<Long, List<Long>>> accountsByRole = new EnumMap<>(Role.class);
		wanted.forEach((r, ids) -> accountsByRole.put(r, accounts.accountsOf(r, ids)));
		List<Contact> contacts = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (Correspondent c : found) {
			for (Role r : rolesOf(c.relation())) {
				for (long account : accountsByRole.get(r).getOrDefault(c.personId(), List.of())) {
					if (account != ownAccountId && seen.add(c.relation() + ":" + account + "-" + r)) {
						contacts.add(new Contact(account, r, c.personId(), c.name().full(), c.relation(), c.detail()));
					}
				}
			}
		}
		return contacts;
	}
}
