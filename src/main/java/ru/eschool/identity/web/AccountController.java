package ru.eschool.identity.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.audit.AuditLog;
import ru.eschool.identity.internal.Accounts;
import ru.eschool.identity.internal.FederatedLinks;
import ru.eschool.identity.internal.Linking;
import ru.eschool.identity.internal.PendingIdentity;
import ru.eschool.identity.internal.SecurityEvents;
import ru.eschool.identity.internal.Sessions;
import ru.eschool.identity.internal.SignInPolicy;
import ru.eschool.identity.internal.federation.FederationClients;
import ru.eschool.identity.internal.federation.FederationSettings;
import ru.eschool.identity.internal.Passwords;
import ru.eschool.identity.internal.passkeys.Passkeys;
import ru.eschool.identity.internal.Accounts.Account;
import ru.eschool.shared.Actor;
import ru.eschool.shared.ActorResolver;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.RoleGrant;
import ru.eschool.shared.web.FormErrors;

/** The person's own account: profile, e-mail for notifications, password change, role switch. */
@Controller
class AccountController {

	record PasswordForm(@Nullable String current,
			@NotBlank(message = "{validation.required}") @Size(min = 8, max = 128, message = "{validation.password.size}") String password,
			String confirm) {
	}

	record EmailForm(@Email(message = "{validation.email}") @Size(max = 200, message = "{validation.tooLong}") @Nullable String email) {
	}

	private final Accounts accounts;
	private final PasswordEncoder encoder;
	private final FederatedLinks links;
	private final Linking linking;
	private final FederationClients federation;
	private final AuditLog audit;
	private final Sessions sessions;
	private final SignInPolicy policy;
	private final Passkeys passkeys;
	private final org.springframework.web.servlet.resource.ResourceUrlProvider urls;
	private final ru.eschool.identity.internal.EmailTokens emailTokens;

	/** Session attribute: signed in with a school's one-time code, so a new password needs no current one. */
	static final String PASSWORD_RESET = "eschool.passwordReset";

	AccountController(Accounts accounts, PasswordEncoder encoder, FederatedLinks links, Linking linking,
			FederationClients federation, AuditLog audit, Sessions sessions, SignInPolicy policy, Passkeys passkeys,
			ru.eschool.identity.internal.EmailTokens emailTokens,
			org.springframework.web.servlet.resource.ResourceUrlProvider urls) {
		this.urls = urls;
		this.emailTokens = emailTokens;
		this.passkeys = passkeys;
		this.sessions = sessions;
		this.policy = policy;
		this.accounts = accounts;
		this.encoder = encoder;
		this.links = links;
		this.linking = linking;
		this.federation = federation;
		this.audit = audit;
	}

	@GetMapping("/account")
	String show(Actor actor, Model model, HttpServletRequest request) {
		if (request.getParameter("linked") != null) {
			model.addAttribute("notice", "account.identities.linked");
		}
		else if (request.getParameter("unlinked") != null) {
			model.addAttribute("notice", "account.identities.unlinked");
		}
		else if (request.getParameter("signedOutOthers") != null) {
			model.addAttribute("notice", "account.sessions.endedOthers");
		}
		else if (request.getParameter("passkeyAdded") != null) {
			model.addAttribute("notice", "account.passkeys.added");
		}
		else if (request.getParameter("passkeyRemoved") != null) {
			model.addAttribute("notice", "account.passkeys.removed");
		}
		else if (request.getParameter("confirmSent") != null) {
			model.addAttribute("notice", "account.email.confirmSent");
		}
		else if (request.getParameter("codeSignIn") != null) {
			model.addAttribute("notice", "account.codeSignIn");
		}
		if (request.getParameter("confirmUnavailable") != null) {
			model.addAttribute("problem", "account.email.confirmUnavailable");
		}
		else if (request.getParameter("linkTaken") != null) {
			model.addAttribute("problem", "account.identities.taken");
		}
		else if (request.getParameter("lastWayIn") != null) {
			model.addAttribute("problem", "account.identities.lastWayIn");
		}
		model.addAttribute("sessions", sessions.of(actor.login()).stream()
			.map(x -> new SessionRow(x.created(), x.lastAccess(), x.id().equals(request.getSession().getId()))).toList());
		return page(actor, model, Map.of(), null);
	}

	@PostMapping("/account/passkeys/remove")
	String removePasskey(Actor actor, @RequestParam String id, HttpServletRequest request) {
		if (!passkeys.remove(actor.accountId(), actor.login(), id, request.getRemoteAddr())) {
			throw new NotFound();
		}
		return "redirect:/account?passkeyRemoved";
	}

	/** Ends every other session of the account (other browsers and devices), on every node. */
	@PostMapping("/account/sessions/others")
	String signOutOthers(Actor actor, HttpServletRequest request) {
		sessions.endAllExcept(actor.login(), request.getSession().getId());
		audit.record(SecurityEvents.SIGN_OUT_OTHERS, actor.accountId(), request.getRemoteAddr(),
				ru.eschool.audit.AuditLog.Outcome.SUCCESS, null);
		return "redirect:/account?signedOutOthers";
	}

	/** Links one more identity: off to the provider, back to the profile. */
	@PostMapping("/account/identities/link")
	String link(Actor actor, HttpServletRequest request) {
		if (!federation.available()) {
			throw new NotFound();
		}
		request.getSession().setAttribute(PendingIdentity.LINK_FOR, actor.accountId());
		return "redirect:/oauth2/authorization/" + FederationSettings.REGISTRATION_ID;
	}

	@PostMapping("/account/identities/{id}/unlink")
	String unlink(Actor actor, @org.springframework.web.bind.annotation.PathVariable long id, HttpServletRequest request) {
		if (links.of(actor.accountId()).stream().noneMatch(l -> l.id() == id)) {
			throw new NotFound();
		}
		return linking.unlink(actor.accountId(), id, request.getRemoteAddr()) ? "redirect:/account?unlinked"
				: "redirect:/account?lastWayIn";
	}

	@PostMapping("/account/password")
	String password(Actor actor, @Valid @ModelAttribute PasswordForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletRequest request) {
		Account account = accounts.byId(actor.accountId()).orElseThrow(NotFound::new);
		// after a one-time code from the school (a forgotten password) the current one is not asked
		boolean reset = Boolean.TRUE.equals(request.getSession().getAttribute(PASSWORD_RESET));
		if (!reset) {
			if (form.current() == null || form.current().isBlank()) {
				result.rejectValue("current", "validation.required");
			}
			else if (account.passwordHash() == null || !encoder.matches(form.current(), account.passwordHash())) {
				result.rejectValue("current", "account.password.wrong");
			}
		}
		if (!policy.passwordsAllowed(actor.grants())) {
			result.rejectValue("password", "account.password.federatedOnly");
		}
		Passwords.check(form.password(), form.confirm(), "password", result);
		if (result.hasErrors()) {
			return page(actor, model, FormErrors.of(result), null);
		}
		accounts.changePassword(actor.accountId(), encoder.encode(form.password()));
		request.getSession().removeAttribute(PASSWORD_RESET);
		redirect.addFlashAttribute("notice", "account.password.changed");
		return "redirect:/account";
	}

	@PostMapping("/account/email")
	String email(Actor actor, @Valid @ModelAttribute EmailForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return page(actor, model, FormErrors.of(result), form.email());
		}
		String email = form.email() == null || form.email().isBlank() ? null : form.email().strip();
		accounts.changeEmail(actor.accountId(), email);
		redirect.addFlashAttribute("notice", "account.email.changed");
		return "redirect:/account";
	}

	@PostMapping("/account/role")
	String switchRole(Actor actor, @RequestParam long grant, HttpServletRequest request) {
		RoleGrant chosen = actor.grants().stream().filter(g -> g.id() == grant).findFirst().orElseThrow(NotFound::new);
		HttpSession session = request.getSession();
		session.setAttribute(ActorResolver.ACTIVE_GRANT, chosen.id());
		return "redirect:/";
	}

	private String page(Actor actor, Model model, Map<String, String> errors, @Nullable String email) {
		Account account = accounts.byId(actor.accountId()).orElseThrow(NotFound::new);
		model.addAttribute("account", account);
		model.addAttribute("actor", actor);
		model.addAttribute("email", email != null ? email : account.email() == null ? "" : account.email());
		model.addAttribute("errors", errors);
		model.addAttribute("links", links.of(actor.accountId()).stream()
			.map(l -> new LinkRow(l.id(), l.provider(), l.linkedAt(), linking.canUnlink(actor.accountId(), l.id())))
			.toList());
		model.addAttribute("federation", federation.available());
		model.addAttribute("passkeys", passkeys.of(actor.login()));
		model.addAttribute("passkeysJs", LoginController.passkeysJs(urls));
		model.addAttribute("emailConfirmed", account.email() != null
				&& account.email().equals(emailTokens.confirmedEmail(account.id()).orElse(null)));
		jakarta.servlet.http.HttpSession session = org.springframework.web.context.request.RequestContextHolder
			.currentRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes a
					? a.getRequest().getSession(false) : null;
		model.addAttribute("reset", session != null && Boolean.TRUE.equals(session.getAttribute(PASSWORD_RESET)));
		model.addAttribute("signIns", audit.recent(actor.accountId(), SecurityEvents.SHOWN, 10));
		return "identity/account";
	}
}
