package ru.eschool.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.eschool.audit.AuditLog;
import ru.eschool.audit.AuditLog.Outcome;
import ru.eschool.identity.internal.Accounts;
import ru.eschool.identity.internal.LoginThrottle;
import ru.eschool.identity.internal.SecondFactor;
import ru.eschool.identity.internal.SecondFactor.Secret;
import ru.eschool.identity.internal.SecurityEvents;
import ru.eschool.identity.internal.Totp;
import ru.eschool.shared.web.I18n;

/**
 * The admin's second step: the first time, enrolment (the secret as text and as an otpauth URI
 * for an authenticator app), then the six-digit code. Five wrong codes block it for a while.
 */
@Controller
class SecondFactorController {

	private final SecondFactor secondFactor;
	private final Accounts accounts;
	private final SignIn signIn;
	private final LoginThrottle throttle;
	private final AuditLog audit;

	SecondFactorController(SecondFactor secondFactor, Accounts accounts, SignIn signIn, LoginThrottle throttle,
			AuditLog audit) {
		this.secondFactor = secondFactor;
		this.accounts = accounts;
		this.signIn = signIn;
		this.throttle = throttle;
		this.audit = audit;
	}

	@GetMapping("/signin/totp")
	String page(HttpServletRequest request, Model model) {
		Long account = pending(request);
		if (account == null) {
			return "redirect:/";
		}
		return page(account, model, null);
	}

	@PostMapping("/signin/totp")
	String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Long account = pending(request);
		if (account == null) {
			return "redirect:/";
		}
		String key = "totp:" + account;
		if (throttle.blockedUntil(key).isPresent()) {
			audit.record(SecurityEvents.SIGN_IN, account, request.getRemoteAddr(), Outcome.BLOCKED, "totp");
			return page(account, model, I18n.t("totp.throttled", throttle.blockMinutes()));
		}
		if (!secondFactor.verify(account, code)) {
			throttle.failed(key, throttle.accountLimit());
			audit.record(SecurityEvents.SIGN_IN, account, request.getRemoteAddr(), Outcome.FAILURE, "totp");
			return page(account, model, I18n.t("totp.wrong"));
		}
		throttle.succeeded(key);
		audit.record(SecurityEvents.SIGN_IN, account, request.getRemoteAddr(), Outcome.SUCCESS, "totp");
		signIn.confirmed(account, request, response);
		return "redirect:/";
	}

	private String page(long account, Model model, @Nullable String error) {
		Secret secret = secondFactor.enrolment(account);
		String login = accounts.byId(account).orElseThrow().login();
		model.addAttribute("enrol", !secret.confirmed());
		model.addAttribute("secret", secret.confirmed() ? "" : secret.secret());
		model.addAttribute("uri", secret.confirmed() ? "" : Totp.uri("e-School", login, secret.secret()));
		model.addAttribute("error", error);
		return "identity/totp";
	}

	private static @Nullable Long pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(SignIn.TOTP_PENDING) instanceof Long id ? id : null;
	}
}
