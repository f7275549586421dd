package ru.eschool.identity.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.identity.Invitations.Found;
import ru.eschool.identity.internal.LoginThrottle;
import ru.eschool.identity.internal.Passwords;
import ru.eschool.identity.internal.Registration;
import ru.eschool.identity.internal.Registration.Refused;
import ru.eschool.shared.ActorResolver;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.FormErrors;
import ru.eschool.shared.web.I18n;

/**
 * Registration with an invitation code: first the code, then a login and a password. A person
 * already signed in adds the code's role to their account instead. Guessing codes is throttled
 * per address like sign-in.
 */
@Controller
class RegistrationController {

	record CodeForm(@NotBlank(message = "{validation.required}") String code) {
	}

	record AccountForm(@NotBlank(message = "{validation.required}") String code,
			@NotBlank(message = "{validation.required}") @Size(min = 3, max = 64, message = "{validation.login.size}")
			@Pattern(regexp = "[A-Za-z0-9._-]*", message = "{validation.login.chars}") String login,
			@NotBlank(message = "{validation.required}") @Size(min = 8, max = 128, message = "{validation.password.size}") String password,
			String confirm, @org.jspecify.annotations.Nullable Boolean consent) {
	}

	private final Registration registration;
	private final LoginThrottle throttle;
	private final SignIn signIn;

	RegistrationController(Registration registration, LoginThrottle throttle, SignIn signIn) {
		this.registration = registration;
		this.throttle = throttle;
		this.signIn = signIn;
	}

	@GetMapping("/register")
	String start(Model model) {
		model.addAttribute("code", "");
		model.addAttribute("errors", Map.of());
		return "identity/register-code";
	}

	@PostMapping("/register/code")
	String code(@Valid @ModelAttribute CodeForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		model.addAttribute("code", form.code() == null ? "" : form.code());
		if (result.hasErrors()) {
			model.addAttribute("errors", FormErrors.of(result));
			return "identity/register-code";
		}
		String addressKey = "reg:" + request.getRemoteAddr();
		if (throttle.blockedUntil(addressKey).isPresent()) {
			return throttled(form.code(), model);
		}
		Found found;
		try {
			found = registration.check(form.code());
		}
		catch (Refused e) {
			throttle.failed(addressKey, throttle.accountLimit() * 4);
			model.addAttribute("errors", Map.of("code", I18n.t(e.messageKey())));
			return "identity/register-code";
		}
		var actor = ActorResolver.current(request);
		if (actor != null) {
			try {
				registration.addRole(actor.accountId(), form.code());
			}
			catch (Refused e) {
				model.addAttribute("errors", Map.of("code", I18n.t(e.messageKey())));
				return "identity/register-code";
			}
			signIn.signIn(actor.accountId(), request, response, false);
			redirect.addFlashAttribute("notice", "register.roleAdded");
			return "redirect:/";
		}
		model.addAttribute("person", found.personName());
		model.addAttribute("role", found.role());
		model.addAttribute("login", "");
		model.addAttribute("errors", Map.of());
		return "identity/register-account";
	}

	@PostMapping("/register/account")
	String account(@Valid @ModelAttribute AccountForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String addressKey = "reg:" + request.getRemoteAddr();
		if (throttle.blockedUntil(addressKey).isPresent()) {
			return throttled(form.code(), model);
		}
		Found found;
		try {
			found = registration.check(form.code() == null ? "" : form.code());
		}
		catch (Refused e) {
			throttle.failed(addressKey, throttle.accountLimit() * 4);
			model.addAttribute("code", form.code() == null ? "" : form.code());
			model.addAttribute("errors", Map.of("code", I18n.t(e.messageKey())));
			return "identity/register-code";
		}
		Passwords.check(form.password(), form.confirm(), "password", result);
		// A minor's consent is given by the guardian; everyone else consents for themselves.
		if (found.role() != Role.STUDENT && !Boolean.TRUE.equals(form.consent())) {
			result.rejectValue("consent", "register.consent.required");
		}
		if (!result.hasErrors()) {
			try {
				long account = registration.register(form.code(), form.login(), form.password(),
						found.role() != Role.STUDENT);
				signIn.signIn(account, request, response, true);
				return "redirect:/?welcome";
			}
			catch (Refused e) {
				result.rejectValue(e.reason() == Registration.Refusal.LOGIN_TAKEN ? "login" : "code", e.messageKey());
			}
		}
		model.addAttribute("code", form.code());
		model.addAttribute("person", found.personName());
		model.addAttribute("role", found.role());
		model.addAttribute("login", form.login() == null ? "" : form.login());
		model.addAttribute("errors", FormErrors.of(result));
		return "identity/register-account";
	}

	private String throttled(String code, Model model) {
		model.addAttribute("code", code == null ? "" : code);
		model.addAttribute("errors", Map.of("code", I18n.t("register.refused.THROTTLED", throttle.blockMinutes())));
		return "identity/register-code";
	}
}
