package ru.eschool.identity.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import ru.eschool.audit.AuditLog;
import ru.eschool.audit.AuditLog.Outcome;
import ru.eschool.identity.internal.Accounts;
import ru.eschool.identity.internal.Accounts.Account;
import ru.eschool.identity.internal.EmailTokens;
import ru.eschool.identity.internal.EmailTokens.Purpose;
import ru.eschool.identity.internal.EmailTokens.State;
import ru.eschool.identity.internal.EmailTokens.Token;
import ru.eschool.identity.internal.IdentityMail;
import ru.eschool.identity.internal.LoginThrottle;
import ru.eschool.identity.internal.Passwords;
import ru.eschool.identity.internal.SecurityEvents;
import ru.eschool.identity.internal.SignInPolicy;
import ru.eschool.shared.Actor;
import ru.eschool.shared.web.FormErrors;
import ru.eschool.shared.web.I18n;

/**
 * Confirming the e-mail address on the profile and "Забыли пароль?": a one-time link mailed to the
 * confirmed address (30 minutes, single use, only its hash stored). The answer to a reset request
 * is the same whether or not the account exists; requests are throttled per address and account.
 */
@Controller
class PasswordResetController {

	private final Accounts accounts;
	private final EmailTokens tokens;
	private final IdentityMail mail;
	private final LoginThrottle throttle;
	private final AuditLog audit;
	private final PasswordEncoder encoder;
	private final SignInPolicy policy;
	private final String publicUrl;

	PasswordResetController(Accounts accounts, EmailTokens tokens, IdentityMail mail, LoginThrottle throttle, AuditLog audit,
			PasswordEncoder encoder, SignInPolicy policy, @Value("${eschool.public-url:}") String publicUrl) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.mail = mail;
		this.throttle = throttle;
		this.audit = audit;
		this.encoder = encoder;
		this.policy = policy;
		this.publicUrl = publicUrl;
	}

	@PostMapping("/account/email/confirm")
	String sendConfirmation(Actor actor) {
		Account account = accounts.byId(actor.accountId()).orElseThrow();
		if (account.email() == null || !mail.on()) {
			return "redirect:/account?confirmUnavailable";
		}
		String token = tokens.issue(account.id(), Purpose.CONFIRM, account.email(), Duration.ofDays(1));
		Locale locale = LocaleContextHolder.getLocale();
		mail.send(account.email(), I18n.msg(locale, "reset.mail.confirmSubject"),
				I18n.msg(locale, "reset.mail.confirmText", link("/signin/email?token=" + token)));
		return "redirect:/account?confirmSent";
	}

	@GetMapping("/signin/email")
	String confirm(@RequestParam(required = false) @Nullable String token, Model model) {
		Token t = tokens.find(token, Purpose.CONFIRM);
		boolean done = t.state() == State.VALID && tokens.use(t);
		if (done) {
			tokens.confirm(t.accountId(), t.email());
		}
		model.addAttribute("message", done ? "reset.confirmed" : t.state() == State.EXPIRED ? "reset.expired" : "reset.invalid");
		model.addAttribute("ok", done);
		return "identity/reset-done";
	}

	@GetMapping("/signin/forgot")
	String forgot(Model model) {
		model.addAttribute("sent", false);
		model.addAttribute("errors", Map.of());
		return "identity/forgot";
	}

	@PostMapping("/signin/forgot")
	String requestReset(@RequestParam(required = false) @Nullable String who, HttpServletRequest request, Model model) {
		model.addAttribute("errors", Map.of());
		if (who == null || who.isBlank() || who.length() > 200) {
			model.addAttribute("sent", false);
			model.addAttribute("errors", Map.of("who", I18n.t("validation.required")));
			return "identity/forgot";
		}
		String address = request.getRemoteAddr();
		String addressKey = "reset:" + LoginThrottle.addressKey(address);
		Optional<Long> account = tokens.accountFor(who);
		String accountKey = "reset:acct:" + account.map(String::valueOf).orElse("none");
		if (throttle.blockedUntil(addressKey).isPresent() || throttle.blockedUntil(accountKey).isPresent()) {
			audit.record(SecurityEvents.PASSWORD_RESET, account.orElse(null), address, Outcome.BLOCKED, "request");
			model.addAttribute("sent", false);
			model.addAttribute("errors", Map.of("who", I18n.t("login.error.throttled", throttle.blockMinutes())));
			return "identity/forgot";
		}
		throttle.failed(addressKey, throttle.accountLimit() * 4);
		Optional<String> email = account.flatMap(tokens::confirmedEmail);
		if (account.isPresent() && email.isPresent() && mail.on()) {
			throttle.failed(accountKey, throttle.accountLimit());
			String token = tokens.issue(account.get(), Purpose.RESET, email.get(), Duration.ofMinutes(30));
			Locale locale = LocaleContextHolder.getLocale();
			mail.send(email.get(), I18n.msg(locale, "reset.mail.subject"),
					I18n.msg(locale, "reset.mail.text", link("/signin/reset?token=" + token)));
			audit.record(SecurityEvents.PASSWORD_RESET, account.get(), address, Outcome.SUCCESS, "mailed");
		}
		else {
			audit.record(SecurityEvents.PASSWORD_RESET, account.orElse(null), address, Outcome.FAILURE, "request");
		}
		// the same answer whether or not the account exists or has a confirmed address
		model.addAttribute("sent", true);
		return "identity/forgot";
	}

	@GetMapping("/signin/reset")
	String resetForm(@RequestParam(required = false) @Nullable String token, Model model) {
		Token t = tokens.find(token, Purpose.RESET);
		if (t.state() != State.VALID) {
			return refused(t, model);
		}
		return form(token, Map.of(), model);
	}

	record ResetForm(@Nullable String token,
			@NotBlank(message = "{validation.required}") @Size(min = 8, max = 128, message = "{validation.password.size}") String password,
			String confirm) {
	}

	@PostMapping("/signin/reset")
	String reset(@Valid @ModelAttribute ResetForm form, BindingResult result, HttpServletRequest request, Model model) {
		String token = form.token();
		Token t = tokens.find(token, Purpose.RESET);
		if (t.state() != State.VALID) {
			audit.record(SecurityEvents.PASSWORD_RESET, t.state() == State.INVALID ? null : t.accountId(),
					request.getRemoteAddr(), Outcome.FAILURE, t.state().name().toLowerCase(Locale.ROOT));
			return refused(t, model);
		}
		Passwords.check(form.password(), form.confirm(), "password", result);
		if (!policy.passwordsAllowed(t.accountId())) {
			result.rejectValue("password", "account.password.federatedOnly");
		}
		if (result.hasErrors()) {
			return form(token, FormErrors.of(result), model);
		}
		if (!tokens.use(t)) {
			return refused(new Token(t.id(), t.accountId(), t.email(), State.INVALID), model);
		}
		accounts.changePassword(t.accountId(), encoder.encode(form.password()));
		audit.record(SecurityEvents.PASSWORD_RESET, t.accountId(), request.getRemoteAddr(), Outcome.SUCCESS, "changed");
		return "redirect:/login?reset";
	}

	private String form(String token, Map<String, String> errors, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("errors", new HashMap<>(errors));
		return "identity/reset";
	}

	private String refused(Token t, Model model) {
		model.addAttribute("message", t.state() == State.EXPIRED ? "reset.expired" : "reset.invalid");
		model.addAttribute("ok", false);
		return "identity/reset-done";
	}

	private String link(String path) {
		return publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString()
				: publicUrl.replaceAll("/+$", "") + path;
	}
}
