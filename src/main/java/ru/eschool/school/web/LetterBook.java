package ru.eschool.school.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import ru.eschool.identity.AccountDirectory;
import ru.eschool.identity.Invitations;
import ru.eschool.identity.Invitations.Issued;
import ru.eschool.school.internal.Classes;
import ru.eschool.school.internal.Invitees;
import ru.eschool.school.internal.Invitees.Invitee;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.I18n;

/**
 * Who gets an invitation letter and what it says. A selection is either a class (its students,
 * their guardians, or both) or chosen staff in a role. Codes are issued only to people without an
 * account; letters are printed from the pending codes, so the HTML page, a re-print and the PDF
 * all show the same codes.
 */
@Component
class LetterBook {

	enum Who {
		STUDENTS, GUARDIANS, BOTH;

		boolean students() {
			return this != GUARDIANS;
		}

		boolean guardians() {
			return this != STUDENTS;
		}
	}

	/** The people chosen on the invitations page; one of the two halves is set. */
	record Selection(@Nullable Long classId, @Nullable Who who, @Nullable Role staffRole, List<Long> staffIds) {

		static Selection ofClass(long classId, Who who) {
			return new Selection(classId, who, null, List.of());
		}

		static Selection ofStaff(Role role, List<Long> staffIds) {
			return new Selection(null, null, role, staffIds);
		}

		/** The query string that selects the same people again. */
		String query() {
			if (classId != null && who != null) {
				return "classId=" + classId + "&who=" + who.name();
			}
			return "role=" + staffRole + staffIds.stream().map(id -> "&staffId=" + id).collect(Collectors.joining());
		}
	}

	private record Group(Role role, List<Invitee> people) {
	}

	private final Invitees invitees;
	private final Classes classes;
	private final Invitations invitations;
	private final AccountDirectory accounts;
	private final Clock clock;

	LetterBook(Invitees invitees, Classes classes, Invitations invitations, AccountDirectory accounts, Clock clock) {
		this.invitees = invitees;
		this.classes = classes;
		this.invitations = invitations;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Issues codes to the selected people who have no account in that role: to those without a
	 * pending code, or (reissue) to all of them, which revokes their old codes. Returns how many.
	 */
	int issue(long school, long issuedBy, Selection selection, boolean reissue) {
		List<Invitations.Request> requests = new ArrayList<>();
		for (Group g : groups(school, selection)) {
			List<Long> ids = g.people().stream().map(Invitee::id).toList();
			Set<Long> withAccounts = accounts.personsWithAccounts(g.role(), ids);
			Set<Long> pending = reissue ? Set.of()
					: invitations.pending(g.role(), ids).stream().map(Issued::personId).collect(Collectors.toSet());
			for (Invitee p : g.people()) {
				if (!withAccounts.contains(p.id()) && !pending.contains(p.id())) {
					requests.add(new Invitations.Request(g.role(), school, p.id(), p.name().full()));
				}
			}
		}
		return requests.isEmpty() ? 0 : invitations.issue(requests, issuedBy).size();
	}

	/** The letters of the selected people who hold a pending code, in the order of the class list. */
	List<InvitationLetter> letters(long school, Selection selection) {
		String schoolName = invitees.schoolName(school);
		List<InvitationLetter> letters = new ArrayList<>();
		for (Group g : groups(school, selection)) {
			Map<Long, Issued> codes = new HashMap<>();
			invitations.pending(g.role(), g.people().stream().map(Invitee::id).toList())
				.forEach(i -> codes.putIfAbsent(i.personId(), i));
			for (Invitee p : g.people()) {
				Issued code = codes.get(p.id());
				if (code != null) {
					letters.add(new InvitationLetter(schoolName, p.name().full(), I18n.t(g.role().messageKey()), p.about(),
							code.code(), code.expiresAt().atZone(clock.getZone()).toLocalDate()));
				}
			}
		}
		return letters;
	}

	/** The people of a selection by role; a class or staff of another school is a 404. */
	private List<Group> groups(long school, Selection selection) {
		List<Group> groups = new ArrayList<>();
		if (selection.classId() != null && selection.who() != null) {
			long classId = classes.find(school, selection.classId()).orElseThrow(NotFound::new).id();
			if (selection.who().students()) {
				groups.add(new Group(Role.STUDENT, invitees.students(school, classId)));
			}
			if (selection.who().guardians()) {
				groups.add(new Group(Role.GUARDIAN, invitees.guardians(school, classId)));
			}
		}
		else if (selection.staffRole() != null && selection.staffRole().isStaff()) {
			var staff = invitees.staff(school, selection.staffIds());
			if (staff.size() != Set.copyOf(selection.staffIds()).size()) {
				throw new NotFound();
			}
			groups.add(new Group(selection.staffRole(), staff.stream()
				.map(s -> new Invitee(s.id(), s.name(), I18n.t("position." + s.position())))
				.toList()));
		}
		return groups;
	}
}
