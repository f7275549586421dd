package ru.eschool.identity.web;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.eschool.audit.AuditLog;
import ru.eschool.audit.AuditLog.Outcome;
import ru.eschool.identity.Invitations.Found;
import ru.eschool.identity.internal.Linking;
import ru.eschool.identity.internal.Linking.Attempt;
import ru.eschool.identity.internal.LoginThrottle;
import ru.eschool.identity.internal.PendingIdentity;
import ru.eschool.identity.internal.Registration;
import ru.eschool.identity.internal.Registration.Refused;
import ru.eschool.identity.internal.SecurityEvents;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.FormErrors;
import ru.eschool.shared.web.I18n;

/**
 * The first sign-in with an identity no account is linked to: the page explains it and offers to
 * link an existing account (diary login and password) or to register with a school's code. Also
 * the page of a refused sign-in, and sign-in with a one-time code from the school.
 */
@Controller
class FederationController {

	record LinkForm(@NotBlank(message = "{validation.required}") String login,
			@NotBlank(message = "{validation.required}") String password) {
	}

	record CodeForm(@NotBlank(message = "{validation.required}") String code) {
	}

	record RegisterForm(@NotBlank(message = "{validation.required}") String code,
			@NotBlank(message = "{validation.required}") @Size(min = 3, max = 64, message = "{validation.login.size}")
			@Pattern(regexp = "[A-Za-z0-9._-]*", message = "{validation.login.chars}") String login,
			@Nullable Boolean consent) {
	}

	private final Linking linking;
	private final Registration registration;
	private final LoginThrottle throttle;
	private final SignIn signIn;
	private final AuditLog audit;

	FederationController(Linking linking, Registration registration, LoginThrottle throttle, SignIn signIn,
			AuditLog audit) {
		this.linking = linking;
		this.registration = registration;
		this.throttle = throttle;
		this.signIn = signIn;
		this.audit = audit;
	}

	@GetMapping("/signin/link")
	String page(HttpServletRequest request, Model model) {
		PendingIdentity pending = pending(request);
		if (pending == null) {
			return "redirect:/signin/failed?reason=expired";
		}
		return linkPage(pending, model, "", Map.of(), "");
	}

	@PostMapping("/signin/link/account")
	String linkAccount(@Valid @ModelAttribute LinkForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		PendingIdentity pending = pending(request);
		if (pending == null) {
			return "redirect:/signin/failed?reason=expired";
		}
		if (result.hasErrors()) {
			return linkPage(pending, model, form.login(), FormErrors.of(result), "");
		}
		Attempt attempt = linking.linkWithPassword(pending, form.login(), form.password(), request.getRemoteAddr());
		switch (attempt.result()) {
			case LINKED -> {
				request.getSession().removeAttribute(PendingIdentity.SESSION);
				audit.record(SecurityEvents.SIGN_IN, attempt.accountId(), request.getRemoteAddr(), Outcome.SUCCESS,
						SecurityEvents.FEDERATED);
				signIn.signIn(attempt.accountId(), request, response, true);
				return "redirect:/?linked";
			}
			case THROTTLED -> {
				return linkPage(pending, model, form.login(),
						Map.of("password", I18n.t("login.error.throttled", attempt.minutes())), "");
			}
			case TAKEN -> {
				return "redirect:/signin/failed?reason=taken";
			}
			default -> {
				return linkPage(pending, model, form.login(), Map.of("password", I18n.t("login.error.bad")), "");
			}
		}
	}

	@PostMapping("/signin/link/code")
	String linkCode(@Valid @ModelAttribute CodeForm form, BindingResult result, HttpServletRequest request,
			Model model) {
		PendingIdentity pending = pending(request);
		if (pending == null) {
			return "redirect:/signin/failed?reason=expired";
		}
		String code = form.code() == null ? "" : form.code();
		if (result.hasErrors()) {
			return linkPage(pending, model, "", FormErrors.of(result), code);
		}
		Found found;
		try {
			found = checkCode(code, request);
		}
		catch (Refused e) {
			return linkPage(pending, model, "", Map.of("code", message(e)), code);
		}
		return registerPage(found, code, "", Map.of(), model);
	}

	@PostMapping("/signin/link/register")
	String register(@Valid @ModelAttribute RegisterForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		PendingIdentity pending = pending(request);
		if (pending == null) {
			return "redirect:/signin/failed?reason=expired";
		}
		String code = form.code() == null ? "" : form.code();
		Found found;
		try {
			found = checkCode(code, request);
		}
		catch (Refused e) {
			return linkPage(pending, model, "", Map.of("code", message(e)), code);
		}
		// consent rules as in registration: everyone but a student consents for themselves
		if (found.role() != Role.STUDENT && !Boolean.TRUE.equals(form.consent())) {
			result.rejectValue("consent", "register.consent.required");
		}
		if (!result.hasErrors()) {
			try {
				long account = linking.registerWithCode(pending, code, form.login(), found.role() != Role.STUDENT);
				request.getSession().removeAttribute(PendingIdentity.SESSION);
				audit.record(SecurityEvents.LINK, account, request.getRemoteAddr(), Outcome.SUCCESS, pending.provider());
				audit.record(SecurityEvents.SIGN_IN, account, request.getRemoteAddr(), Outcome.SUCCESS,
						SecurityEvents.FEDERATED);
				signIn.signIn(account, request, response, true);
				return "redirect:/?welcome";
			}
			catch (Refused e) {
				result.rejectValue(e.reason() == Registration.Refusal.LOGIN_TAKEN ? "login" : "code", e.messageKey());
			}
		}
		return registerPage(found, code, form.login() == null ? "" : form.login(), FormErrors.of(result), model);
	}

	/** A one-time code from the school for a person who already has an account. */
	@PostMapping("/signin/code")
	String codeSignIn(@Valid @ModelAttribute CodeForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String code = form.code() == null ? "" : form.code();
		if (result.hasErrors()) {
			return codePage(model, code, FormErrors.of(result));
		}
		try {
			checkCode(code, request);
			Optional<Long> account = registration.signInWithCode(code);
			if (account.isEmpty()) {
				// not a sign-in code: an invitation for someone without an account yet
				return "redirect:/register";
			}
			audit.record(SecurityEvents.SIGN_IN, account.get(), request.getRemoteAddr(), Outcome.SUCCESS, "code");
			signIn.signIn(account.get(), request, response, true);
			request.getSession().setAttribute(AccountController.PASSWORD_RESET, Boolean.TRUE);
			return "redirect:/account?codeSignIn";
		}
		catch (Refused e) {
			return codePage(model, code, Map.of("code", message(e)));
		}
	}

	@GetMapping("/signin/code")
	String codeForm(Model model) {
		return codePage(model, "", Map.of());
	}

	@GetMapping("/signin/failed")
	String failed(@RequestParam(defaultValue = "other") String reason, Model model, HttpServletResponse response) {
		String key = switch (reason) {
			case "state", "token", "code", "cancelled", "expired", "taken", "disabled" -> reason;
			default -> "other";
		};
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("message", "signin.failed." + key);
		return "identity/signin-failed";
	}

	private Found checkCode(String code, HttpServletRequest request) {
		String addressKey = "reg:" + request.getRemoteAddr();
		if (throttle.blockedUntil(addressKey).isPresent()) {
			throw new Throttled();
		}
		try {
			return registration.check(code);
		}
		catch (Refused e) {
			throttle.failed(addressKey, throttle.accountLimit() * 4);
			throw e;
		}
	}

	private String message(Refused e) {
		return e instanceof Throttled ? I18n.t("register.refused.THROTTLED", throttle.blockMinutes()) : I18n.t(e.messageKey());
	}

	/** A refusal because of too many wrong codes from this address. */
	static final class Throttled extends Refused {

		Throttled() {
			super(Registration.Refusal.UNKNOWN);
		}
	}

	private static @Nullable PendingIdentity pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(PendingIdentity.SESSION) instanceof PendingIdentity p ? p : null;
	}

	private String linkPage(PendingIdentity pending, Model model, @Nullable String login, Map<String, String> errors,
			String code) {
		if (!linking.fresh(pending)) {
			return "redirect:/signin/failed?reason=expired";
		}
		model.addAttribute("name", pending.displayName());
		model.addAttribute("login", login == null ? "" : login);
		model.addAttribute("code", code);
		model.addAttribute("errors", errors);
		return "identity/link";
	}

	private String registerPage(Found found, String code, String login, Map<String, String> errors, Model model) {
		model.addAttribute("code", code);
		model.addAttribute("person", found.personName());
		model.addAttribute("role", found.role());
		model.addAttribute("login", login);
		model.addAttribute("errors", errors);
		return "identity/link-register";
	}

	private String codePage(Model model, String code, Map<String, String> errors) {
		model.addAttribute("code", code);
		model.addAttribute("errors", errors);
		return "identity/signin-code";
	}
}
