package ru.eschool.school.internal;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.identity.Invitations;
import ru.eschool.school.PersonName;
import ru.eschool.school.internal.Institutions.Kind;
import ru.eschool.school.internal.StaffMembers.Position;
import ru.eschool.shared.Role;

/**
 * A regional admin connects an institution: the institution, its first admin as a staff member,
 * and that admin's invitation code, all in one transaction.
 */
@Service
public class Onboarding {

	private final Institutions institutions;
	private final StaffMembers staff;
	private final Invitations invitations;
	private final ru.eschool.identity.AccountDirectory accounts;

	Onboarding(Institutions institutions, StaffMembers staff, Invitations invitations,
			ru.eschool.identity.AccountDirectory accounts) {
		this.accounts = accounts;
		this.institutions = institutions;
		this.staff = staff;
		this.invitations = invitations;
	}

	@Transactional
	public long connect(long municipalityId, String name, String shortName, Kind kind, PersonName admin,
			Position position, long regionAdminAccount) {
		long institution = institutions.create(municipalityId, name, shortName, kind);
		long staffId = staff.create(institution, admin, position, null, null);
		invitations.issue(List.of(new Invitations.Request(Role.SCHOOL_ADMIN, institution, staffId, admin.full())),
				regionAdminAccount);
		return institution;
	}

	/** A new code for an admin of the institution whose letter was lost; the old code stops working. */
	@Transactional
	public void reissue(long institutionId, long staffId, long regionAdminAccount) {
		StaffMembers.Staff member = staff.find(institutionId, staffId).orElseThrow(ru.eschool.shared.NotFound::new);
		// Only for a director or deputy who has no account yet: a regional admin must not be able
		// to take over the account of a working school admin by printing a new code for them.
		if (!member.active() || (member.position() != Position.DIRECTOR && member.position() != Position.DEPUTY)
				|| !accounts.personsWithAccounts(Role.SCHOOL_ADMIN, List.of(staffId)).isEmpty()) {
			throw new ru.eschool.shared.NotFound();
		}
		invitations.issue(List.of(new Invitations.Request(Role.SCHOOL_ADMIN, institutionId, staffId,
				member.name().full())), regionAdminAccount);
	}
}
