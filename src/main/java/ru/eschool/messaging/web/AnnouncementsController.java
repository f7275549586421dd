package ru.eschool.messaging.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.messaging.internal.Bulletins;
import ru.eschool.messaging.internal.Bulletins.Kind;
import ru.eschool.messaging.internal.MessagingDesk;
import ru.eschool.messaging.internal.MessagingDesk.AnnouncementInput;
import ru.eschool.shared.Actor;
import ru.eschool.shared.Forbidden;
import ru.eschool.shared.Role;

/** Announcements: those received and sent, composing one, reading one, and its read report for the author. */
@Controller
class AnnouncementsController {

	static final int READERS = 200;

	private final MessagingDesk desk;

	AnnouncementsController(MessagingDesk desk) {
		this.desk = desk;
	}

	static boolean mayAnnounce(Actor actor) {
		return actor.is(Role.TEACHER) || actor.is(Role.SCHOOL_ADMIN) || actor.is(Role.REGION_ADMIN);
	}

	@GetMapping("/announcements")
	String list(Actor actor, Model model) {
		boolean author = mayAnnounce(actor);
		model.addAttribute("received", desk.bulletins().received(actor.accountId(), 50));
		model.addAttribute("sent", author ? desk.bulletins().sent(actor.accountId(), 50) : List.of());
		model.addAttribute("author", author);
		return "messaging/announcements";
	}

	@GetMapping("/announcements/new")
	String compose(Actor actor, Model model) {
		return render(new AnnouncementInput("", "", EnumSet.noneOf(Kind.class), List.of(), List.of(), false), Map.of(),
				desk.options(actor), model);
	}

	@PostMapping("/announcements")
	String publish(Actor actor, @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
			@RequestParam(required = false) List<String> kinds, @RequestParam(required = false) List<Long> classes,
			@RequestParam(required = false) List<Long> institutions, @RequestParam(defaultValue = "false") boolean urgent,
			Model model, RedirectAttributes redirect) {
		Set<Kind> k = EnumSet.noneOf(Kind.class);
		if (kinds != null) {
			for (String s : kinds) {
				try {
					k.add(Kind.valueOf(s));
				}
				catch (IllegalArgumentException e) {
					throw new Forbidden();
				}
			}
		}
		AnnouncementInput in = new AnnouncementInput(title, body, k, classes == null ? List.of() : classes,
				institutions == null ? List.of() : institutions, urgent);
		long[] id = new long[1];
		Map<String, String> errors = desk.publish(actor, in, id);
		if (!errors.isEmpty()) {
			return render(in, errors, desk.options(actor), model);
		}
		redirect.addFlashAttribute("notice", "messaging.announcement.published");
		return "redirect:/announcements/" + id[0] + "/readers";
	}

	private String render(AnnouncementInput in, Map<String, String> errors, MessagingDesk.Options options, Model model) {
		model.addAttribute("in", in);
		model.addAttribute("errors", errors);
		model.addAttribute("options", options);
		return "messaging/compose";
	}

	@GetMapping("/announcements/{id}")
	String read(Actor actor, @PathVariable long id, Model model) {
		Bulletins.Announcement a = desk.read(actor, id);
		model.addAttribute("a", a);
		model.addAttribute("mine", a.authorAccountId() == actor.accountId());
		return "messaging/announcement";
	}

	@GetMapping("/announcements/{id}/readers")
	String readers(Actor actor, @PathVariable long id, Model model) {
		Bulletins.Announcement a = desk.ownAnnouncement(actor, id);
		List<Bulletins.Tally> tally = desk.bulletins().tally(id);
		model.addAttribute("a", a);
		model.addAttribute("tally", tally);
		model.addAttribute("read", tally.stream().mapToInt(Bulletins.Tally::read).sum());
		model.addAttribute("readers", desk.bulletins().readers(id, READERS));
		return "messaging/readers";
	}
}
