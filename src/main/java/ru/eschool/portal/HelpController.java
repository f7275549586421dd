package ru.eschool.portal;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ru.eschool.shared.Actor;
import ru.eschool.shared.Role;

/**
 * Built-in help for the active role: what the role can do, where, step by step. The texts are in
 * the bundles under {@code help.<role>.*}; each role has a list of sections.
 */
@Controller
class HelpController {

	/** Section keys per role; each has {@code .title} and {@code .text} in the bundles. */
	static List<String> sections(Role role) {
		return switch (role) {
			case GUARDIAN -> List.of("start", "children", "roles", "privacy", "account");
			case STUDENT -> List.of("start", "account", "privacy");
			case TEACHER -> List.of("start", "classes", "roles", "account");
			case SCHOOL_ADMIN -> List.of("start", "structure", "people", "import", "invitations", "account");
			case REGION_ADMIN -> List.of("start", "institutions", "account");
		};
	}

	@GetMapping("/help")
	String help(Actor actor, Model model) {
		model.addAttribute("role", actor.role());
		model.addAttribute("sections", sections(actor.role()));
		return "portal/help";
	}
}
