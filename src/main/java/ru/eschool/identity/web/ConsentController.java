package ru.eschool.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ru.eschool.identity.internal.Registration;

/** The text of the consent to personal-data processing, a document of its own (152-FZ). */
@Controller
class ConsentController {

	@GetMapping("/consent")
	String consent(Model model) {
		model.addAttribute("version", Registration.CONSENT_VERSION);
		return "identity/consent";
	}
}
