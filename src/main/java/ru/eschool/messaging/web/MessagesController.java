package ru.eschool.messaging.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.messaging.internal.AddressBook.Contact;
import ru.eschool.messaging.internal.Conversations;
import ru.eschool.messaging.internal.Conversations.View;
import ru.eschool.messaging.internal.MessagingDesk;
import ru.eschool.messaging.internal.MessagingDesk.Sent;
import ru.eschool.messaging.internal.MessagingDesk.Upload;
import ru.eschool.school.Correspondents.Relation;
import ru.eschool.shared.Actor;
import ru.eschool.shared.FileStore;
import ru.eschool.shared.Forbidden;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.I18n;

/**
 * The inbox, a conversation with its htmx reply, "new message" with the people one may write to,
 * search in one's own messages, blocking, abuse reports and attachments.
 */
@Controller
class MessagesController {

	static final int INBOX = 100;

	private final MessagingDesk desk;

	MessagesController(MessagingDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/messages")
	String inbox(Actor actor, @RequestParam(required = false) @Nullable String q, Model model) {
		String query = q == null ? "" : MessagingDesk.clean(q);
		if (query.length() > 100) {
			query = query.substring(0, 100);
		}
		model.addAttribute("q", query);
		model.addAttribute("hits", query.length() < 2 ? null : desk.conversations().search(actor.accountId(), query, 50));
		model.addAttribute("lines", query.length() < 2 ? desk.conversations().inbox(actor.accountId(), INBOX) : List.of());
		model.addAttribute("mayWrite", MessagingDesk.mayConverse(actor.role()));
		model.addAttribute("admin", actor.is(Role.SCHOOL_ADMIN));
		model.addAttribute("announcements", desk.bulletins().unread(actor.accountId()));
		return "messaging/inbox";
	}

	@GetMapping("/messages/new")
	String compose(Actor actor, @RequestParam(defaultValue = "") String to,
			@RequestParam(required = false) @Nullable String tooBig, Model model) {
		return renderNew(actor, to, "", tooBig(tooBig), model);
	}

	@PostMapping("/messages")
	String send(Actor actor, @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) @Nullable MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		Sent sent = desk.send(actor, to, text, upload(file));
		if (!sent.errors().isEmpty()) {
			return renderNew(actor, to, text, sent.errors(), model);
		}
		redirect.addFlashAttribute("notice", "messaging.sent");
		return "redirect:/messages/" + sent.conversationId();
	}

	private String renderNew(Actor actor, String to, String text, Map<String, String> errors, Model model) {
		boolean admin = actor.is(Role.SCHOOL_ADMIN);
		Map<Relation, List<Contact>> groups = new LinkedHashMap<>();
		for (Contact c : desk.contacts(actor)) {
			// the administration answers families who wrote; the picker would list every family of the school
			if (admin && c.relation() == Relation.SCHOOL_GUARDIAN && !c.key().equals(to)) {
				continue;
			}
			groups.computeIfAbsent(c.relation(), k -> new ArrayList<>()).add(c);
		}
		model.addAttribute("groups", groups);
		model.addAttribute("to", to);
		model.addAttribute("text", text);
		model.addAttribute("errors", errors);
		model.addAttribute("maxMb", FileStore.MAX_BYTES / 1024 / 1024);
		return "messaging/new";
	}

	@GetMapping("/messages/{id}")
	String conversation(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable String tooBig,
			@RequestParam(required = false) @Nullable Long before, Model model) {
		MessagingDesk.Opened opened = desk.open(actor, id, before);
		return thread(actor, opened, "", tooBig(tooBig), model, "messaging/conversation");
	}

	private static Map<String, String> tooBig(@Nullable String tooBig) {
		return tooBig == null ? Map.of() : Map.of("file", I18n.t("messaging.request.tooBig", MessageUploadLimit.MAX_REQUEST_MB));
	}

	@PostMapping("/messages/{id}")
	String reply(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) throws IOException {
		Map<String, String> errors;
		try {
			errors = desk.reply(actor, id, text, upload(file));
		}
		catch (Forbidden e) {
			// htmx swaps no 403: the reply form would do nothing at all, so the refusal is said in the thread
			if (htmx == null) {
				throw e;
			}
			errors = Map.of("", I18n.t("messaging.ended"));
		}
		if (errors.isEmpty() && htmx == null) {
			return "redirect:/messages/" + id;
		}
		MessagingDesk.Opened opened = desk.open(actor, id, null);
		return thread(actor, opened, errors.isEmpty() ? "" : text, errors, model,
				htmx == null ? "messaging/conversation" : "messaging/thread");
	}

	private String thread(Actor actor, MessagingDesk.Opened opened, String text, Map<String, String> errors, Model model,
			String template) {
		View view = opened.view();
		model.addAttribute("view", view);
		model.addAttribute("messages", opened.messages());
		model.addAttribute("earlier", opened.earlier() && !opened.messages().isEmpty() ? opened.messages().get(0).id() : null);
		model.addAttribute("text", text);
		model.addAttribute("errors", errors);
		model.addAttribute("blocked", desk.blocked(actor, view));
		model.addAttribute("mayBlock", MessagingDesk.mayBlock(view));
		model.addAttribute("maxMb", FileStore.MAX_BYTES / 1024 / 1024);
		return template;
	}

	@PostMapping("/messages/{id}/block")
	String block(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		desk.block(actor, id, true);
		redirect.addFlashAttribute("notice", "messaging.blocked.done");
		return "redirect:/messages/" + id;
	}

	@PostMapping("/messages/{id}/unblock")
	String unblock(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		desk.block(actor, id, false);
		redirect.addFlashAttribute("notice", "messaging.unblocked.done");
		return "redirect:/messages/" + id;
	}

	@PostMapping("/messages/m/{messageId}/report")
	String report(Actor actor, @PathVariable long messageId, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		long[] conversation = new long[1];
		Map<String, String> errors = desk.report(actor, messageId, reason, conversation);
		if (errors.isEmpty()) {
			redirect.addFlashAttribute("notice", "messaging.report.done");
		}
		else {
			redirect.addFlashAttribute("reportError", errors.values().iterator().next());
		}
		return "redirect:/messages/" + conversation[0];
	}

	@GetMapping("/messages/reports")
	String reports(Actor actor, Model model) {
		model.addAttribute("reports", desk.reports(actor));
		return "messaging/reports";
	}

	@GetMapping("/messages/files/{id}")
	ResponseEntity<Resource> file(Actor actor, @PathVariable long id) {
		Conversations.Attachment f = desk.attachment(actor, id);
		Resource body = desk.files().open(f.sha256());
		if (!body.exists()) {
			throw new NotFound();
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(f.name(), StandardCharsets.UTF_8).build().toString())
			.header("Content-Security-Policy", "sandbox")
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType(f.mediaType()))
			.body(body);
	}

	/** A file over the limit is not read into memory: only its size is passed on, to be refused. */
	static @Nullable Upload upload(@Nullable MultipartFile f) throws IOException {
		if (f == null || (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()))) {
			return null;
		}
		if (f.getSize() > FileStore.MAX_BYTES) {
			return new Upload(f.getOriginalFilename(), f.getSize(), new byte[0]);
		}
		return new Upload(f.getOriginalFilename(), f.getSize(), f.getBytes());
	}
}
