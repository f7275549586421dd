package ru.eschool.notification.web;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.notification.internal.Inbox;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;

/** The in-app notification centre: the person's own notifications, newest first; mark read, mark all read. */
@Controller
class NotificationCentreController {

	static final int PAGE = 50;

	private final Inbox inbox;
	private final Clock clock;

	NotificationCentreController(Inbox inbox, Clock clock) {
		this.inbox = inbox;
		this.clock = clock;
	}

	@GetMapping("/notifications")
	String centre(Actor actor, Model model) {
		model.addAttribute("items", inbox.latest(actor.accountId(), PAGE));
		return "notification/centre";
	}

	/** Opens a notification: marks it read and goes where it points. */
	@PostMapping("/notifications/{id}/open")
	String open(Actor actor, @PathVariable long id) {
		String link = inbox.linkOf(actor.accountId(), id).orElseThrow(NotFound::new);
		inbox.markRead(actor.accountId(), id, clock.instant());
		return "redirect:" + (link == null || link.isBlank() || !link.startsWith("/") ? "/notifications" : link);
	}

	@PostMapping("/notifications/{id}/read")
	String read(Actor actor, @PathVariable long id, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			Model model) {
		if (!inbox.markRead(actor.accountId(), id, clock.instant())) {
			throw new NotFound();
		}
		if (htmx != null) {
			model.addAttribute("id", id);
			return "notification/read";
		}
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String readAll(Actor actor, RedirectAttributes redirect) {
		inbox.markAllRead(actor.accountId(), clock.instant());
		redirect.addFlashAttribute("notice", "notification.allRead");
		return "redirect:/notifications";
	}
}
