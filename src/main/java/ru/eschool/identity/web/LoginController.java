package ru.eschool.identity.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.eschool.identity.internal.federation.FederationClients;
import ru.eschool.shared.DemoAccounts;
import ru.eschool.shared.DemoAccounts.DemoAccount;

@Controller
class LoginController {

	private final ObjectProvider<DemoAccounts> demo;
	private final FederationClients federation;

	private final org.springframework.web.servlet.resource.ResourceUrlProvider urls;

	LoginController(ObjectProvider<DemoAccounts> demo, FederationClients federation,
			org.springframework.web.servlet.resource.ResourceUrlProvider urls) {
		this.urls = urls;
		this.demo = demo;
		this.federation = federation;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) @Nullable String error,
			@RequestParam(defaultValue = "0") long minutes, @RequestParam(required = false) @Nullable String logout,
			@RequestParam(required = false) @Nullable String reset, Model model) {
		String message = null;
		if ("throttled".equals(error)) {
			message = "login.error.throttled";
		}
		else if ("federatedOnly".equals(error)) {
			message = "login.error.federatedOnly";
		}
		else if (error != null) {
			message = "login.error.bad";
		}
		DemoAccounts accounts = demo.getIfAvailable();
		List<DemoAccount> list = accounts == null ? List.of() : accounts.list();
		model.addAttribute("error", message);
		model.addAttribute("minutes", minutes);
		model.addAttribute("loggedOut", logout != null);
		model.addAttribute("passwordReset", reset != null);
		model.addAttribute("passkeysJs", passkeysJs(urls));
		model.addAttribute("demoAccounts", list);
		model.addAttribute("federation", federation.available());
		return "identity/login";
	}

	/** The passkeys script under its content-hashed name. */
	static String passkeysJs(org.springframework.web.servlet.resource.ResourceUrlProvider urls) {
		String url = urls.getForLookupPath("/js/passkeys.js");
		return url != null ? url : "/js/passkeys.js";
	}
}
