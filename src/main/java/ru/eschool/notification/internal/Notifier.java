package ru.eschool.notification.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.identity.AccountDirectory;
import ru.eschool.school.Relations;
import ru.eschool.school.StudentNames.AboutStudent;
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

	/** The students themselves and all their guardians, as far as they hold accounts (two statements). */
	public Set<Long> studentsAndGuardians(Collection<Long> studentIds) {
		if (studentIds.isEmpty()) {
			return new LinkedHashSet<>();
		}
		List<Long> guardians = new ArrayList<>();
		relations.guardiansOf(studentIds).values().forEach(guardians::addAll);
		return accountsOf(studentIds, guardians);
	}

	/** The student and the guardians the school named, as far as they hold accounts (one statement). */
	public Set<Long> studentAndGuardians(AboutStudent student) {
		return accountsOf(List.of(student.studentId()), student.guardianIds());
	}

	private Set<Long> accountsOf(Collection<Long> studentIds, Collection<Long> guardianIds) {
		Map<Role, Collection<Long>> people = new LinkedHashMap<>();
		people.put(Role.STUDENT, studentIds);
		people.put(Role.GUARDIAN, new LinkedHashSet<>(guardianIds));
		return accounts.accountIdsOf(people);
	}

	/** Creates the items and deliveries (nothing twice); the dispatcher sends them in the background. */
	@Transactional
	public int notify(Notice notice, Collection<Long> accountIds) {
		return inbox.fanOut(notice, accountIds, dispatcher.channelsOn(), clock.instant());
	}
}
