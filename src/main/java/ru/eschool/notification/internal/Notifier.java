package ru.eschool.notification.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.identity.AccountDirectory;
import ru.eschool.school.Relations;
import ru.eschool.shared.Role;

/** Addresses a notice to people: students and the guardians of students who hold accounts, or accounts directly. */
@Service
public class Notifier {

	private final Inbox inbox;
	private final Dispatcher dispatcher;
	private final Relations relations;
	private final AccountDirectory accounts;
	private final Clock clock;

	Notifier(Inbox inbox, Dispatcher dispatcher, Relations relations, AccountDirectory accounts, Clock clock) {
		this.inbox = inbox;
		this.dispatcher = dispatcher;
		this.relations = relations;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The students themselves and all their guardians, as far as they hold accounts (three statements). */
	public Set<Long> studentsAndGuardians(Collection<Long> studentIds) {
		Set<Long> result = new LinkedHashSet<>();
		if (studentIds.isEmpty()) {
			return result;
		}
		accounts.accountsOf(Role.STUDENT, studentIds).values().forEach(result::addAll);
		List<Long> guardians = new ArrayList<>();
		relations.guardiansOf(studentIds).values().forEach(guardians::addAll);
		if (!guardians.isEmpty()) {
			accounts.accountsOf(Role.GUARDIAN, new LinkedHashSet<>(guardians)).values().forEach(result::addAll);
		}
		return result;
	}

	/** Creates the items and deliveries (nothing twice); the dispatcher sends them in the background. */
	@Transactional
	public int notify(Notice notice, Collection<Long> accountIds) {
		return inbox.fanOut(notice, accountIds, dispatcher.channelsOn(), clock.instant());
	}
}
