package ru.eschool.notification.web;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.notification.internal.Deliveries;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;

/** The school admin's dead letters: notifications of the school that failed after the last attempt; send again. */
@Controller
class DeadLettersController {

	private final Deliveries deliveries;
	private final Clock clock;

	DeadLettersController(Deliveries deliveries, Clock clock) {
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@GetMapping("/admin/notifications/failed")
	String page(Actor actor, Model model) {
		actor.require(Role.SCHOOL_ADMIN);
		model.addAttribute("letters", deliveries.deadLetters(actor.institutionId(), 200));
		return "notification/failed";
	}

	@PostMapping("/admin/notifications/failed/{id}/retry")
	String retry(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		actor.require(Role.SCHOOL_ADMIN);
		if (!deliveries.retry(actor.institutionId(), id, clock.instant())) {
			throw new NotFound();
		}
		redirect.addFlashAttribute("notice", "notification.failed.retried");
		return "redirect:/admin/notifications/failed";
	}
}
