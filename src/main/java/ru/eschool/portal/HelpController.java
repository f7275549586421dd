package ru.eschool.portal;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;

import ru.eschool.shared.Actor;
import ru.eschool.shared.ActorResolver;
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
			case GUARDIAN -> List.of("start", "diary", "progress", "messages", "notifications", "children", "roles", "privacy",
					"account");
			case STUDENT -> List.of("start", "diary", "messages", "account", "privacy");
			case TEACHER -> List.of("start", "classes", "journal", "homework", "classTeacher", "messages", "notifications",
					"roles", "account");
			case SCHOOL_ADMIN -> List.of("start", "structure", "people", "import", "invitations", "timetable",
					"gradebook", "messages", "account");
			case REGION_ADMIN -> List.of("start", "institutions", "account");
		};
	}

	/** Help before signing in: how to get in, where codes come from, what data is kept. */
	static final List<String> PUBLIC = List.of("signin", "code", "lost", "privacy");

	@GetMapping("/help")
	String help(HttpServletRequest request, Model model) {
		Actor actor = ActorResolver.current(request);
		model.addAttribute("prefix", actor == null ? "help.PUBLIC" : "help." + actor.role().name());
		model.addAttribute("heading", actor == null ? "help.PUBLIC.heading" : actor.role().messageKey());
		model.addAttribute("sections", actor == null ? PUBLIC : sections(actor.role()));
		return "portal/help";
	}
}
