package ru.eschool.school.web;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import ru.eschool.audit.AuditLog;
import ru.eschool.audit.AuditLog.Outcome;
import ru.eschool.identity.AccountDirectory;
import ru.eschool.identity.Invitations;
import ru.eschool.school.internal.Guardians;
import ru.eschool.school.internal.Invitees;
import ru.eschool.school.internal.StaffMembers;
import ru.eschool.school.internal.Students;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.school.PersonName;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.I18n;

/**
 * A one-time sign-in code for a student, guardian or staff member of the school who already has
 * an account (forgotten password, no state account): issued from the person's page (the old code is
 * revoked), printed as a letter, audited. {@code /signin/code} signs the account in once.
 */
@Controller
class SignInCodeController {

	static final String AUDIT_KIND = "SIGN_IN_CODE_ISSUED";

	private final Students students;
	private final Guardians guardians;
	private final StaffMembers staff;
	private final Invitations invitations;
	private final AccountDirectory accounts;
	private final Invitees invitees;
	private final AuditLog audit;
	private final Clock clock;
	private final String publicUrl;

	SignInCodeController(Students students, Guardians guardians, StaffMembers staff, Invitations invitations, AccountDirectory accounts,
			Invitees invitees, AuditLog audit, Clock clock, @Value("${eschool.public-url:}") String publicUrl) {
		this.students = students;
		this.guardians = guardians;
		this.staff = staff;
		this.invitations = invitations;
		this.accounts = accounts;
		this.invitees = invitees;
		this.audit = audit;
		this.clock = clock;
		this.publicUrl = publicUrl;
	}

	private record Person(Role role, long id, PersonName name, String path) {
	}

	private Person person(Actor actor, String kind, long id) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		return switch (kind) {
			case "students" -> students.find(school, id)
				.map(s -> new Person(Role.STUDENT, s.id(), s.name(), "/admin/students/" + s.id()))
				.orElseThrow(NotFound::new);
			case "guardians" -> guardians.find(school, id)
				.map(g -> new Person(Role.GUARDIAN, g.id(), g.name(), "/admin/guardians/" + g.id()))
				.orElseThrow(NotFound::new);
			// a staff member signs in as a teacher when they have that account, else as the school's admin
			case "staff" -> staff.find(school, id).filter(StaffMembers.Staff::active)
				.map(m -> new Person(accounts.accountsOf(Role.TEACHER, List.of(m.id())).isEmpty() ? Role.SCHOOL_ADMIN : Role.TEACHER,
						m.id(), m.name(), "/admin/staff/" + m.id()))
				.orElseThrow(NotFound::new);
			default -> throw new NotFound();
		};
	}

	@PostMapping("/admin/{kind:students|guardians|staff}/{id}/signin-code")
	String issue(Actor actor, @PathVariable String kind, @PathVariable long id, HttpServletRequest request) {
		Person p = person(actor, kind, id);
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		List<Long> owners = accounts.accountsOf(p.role(), List.of(p.id())).getOrDefault(p.id(), List.of());
		if (owners.isEmpty()) {
			// no account yet: the invitation letter is the way in
			return "redirect:/admin/invitations";
		}
		invitations.issue(List.of(new Invitations.Request(p.role(), school, p.id(), p.name().full())), actor.accountId());
		for (Long owner : owners) {
			audit.record(AUDIT_KIND, owner, request.getRemoteAddr(), Outcome.SUCCESS, "by " + actor.accountId());
		}
		return "redirect:/admin/" + kind + "/" + id + "/signin-code";
	}

	@GetMapping("/admin/{kind:students|guardians|staff}/{id}/signin-code")
	String letter(Actor actor, @PathVariable String kind, @PathVariable long id, Model model) {
		Person p = person(actor, kind, id);
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		var code = invitations.pending(p.role(), List.of(p.id())).stream().findFirst().orElseThrow(NotFound::new);
		model.addAttribute("letter", new InvitationLetter(invitees.schoolName(school), p.name().full(),
				I18n.t(p.role().messageKey()), "", code.code(), code.expiresAt().atZone(clock.getZone()).toLocalDate()));
		model.addAttribute("signInUrl", publicUrl.isBlank()
				? ServletUriComponentsBuilder.fromCurrentContextPath().path("/signin/code").build().toUriString()
				: publicUrl.replaceAll("/+$", "") + "/signin/code");
		model.addAttribute("back", p.path());
		return "school/people/signin-letter";
	}
}
