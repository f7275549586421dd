package ru.eschool.school.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import ru.eschool.school.internal.Classes;
import ru.eschool.school.internal.Invitees;
import ru.eschool.school.internal.Invitees.StaffInvitee;
import ru.eschool.school.internal.Years;
import ru.eschool.school.web.LetterBook.Selection;
import ru.eschool.school.web.LetterBook.Who;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.I18n;

/**
 * Invitation letters: the admin picks a class and whom to invite (or staff members and their
 * role), codes are issued, and the letters are shown as a printable page and as a PDF.
 */
@Controller
class InvitationsController {

	private final LetterBook book;
	private final Classes classes;
	private final Years years;
	private final Invitees invitees;
	private final AccountStatuses statuses;

	private final String publicUrl;

	InvitationsController(LetterBook book, Classes classes, Years years, Invitees invitees, AccountStatuses statuses,
			@org.springframework.beans.factory.annotation.Value("${eschool.public-url:}") String publicUrl) {
		this.publicUrl = publicUrl;
		this.book = book;
		this.classes = classes;
		this.years = years;
		this.invitees = invitees;
		this.statuses = statuses;
	}

	@GetMapping("/admin/invitations")
	String page(Actor actor, Model model) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		return page(school, Map.of(), "", Who.BOTH.name(), model);
	}

	@PostMapping("/admin/invitations")
	String issueForClass(Actor actor, @RequestParam(required = false) @Nullable String classId,
			@RequestParam(required = false) @Nullable String who, @RequestParam(defaultValue = "false") boolean reissue,
			Model model, RedirectAttributes redirect) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Map<String, String> errors = new HashMap<>();
		Long cls = parseId(classId);
		Who w = parseWho(who);
		if (cls == null) {
			errors.put("classId", I18n.t("people.class.required"));
		}
		else {
			classes.find(school, cls).orElseThrow(NotFound::new);
		}
		if (w == null) {
			errors.put("who", I18n.t("people.invite.who.required"));
		}
		if (!errors.isEmpty()) {
			return page(school, errors, classId == null ? "" : classId, who == null ? "" : who, model);
		}
		Selection selection = Selection.ofClass(cls, w);
		int issued = book.issue(school, actor.accountId(), selection, reissue);
		redirect.addFlashAttribute("issued", issued);
		return "redirect:/admin/invitations/letters?" + selection.query();
	}

	@PostMapping("/admin/invitations/staff")
	String issueForStaff(Actor actor, @RequestParam(name = "staffId", required = false) @Nullable List<Long> staffIds,
			@RequestParam(required = false) @Nullable String role, @RequestParam(defaultValue = "false") boolean reissue,
			Model model, RedirectAttributes redirect) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Map<String, String> errors = new HashMap<>();
		Role r = parseStaffRole(role);
		if (staffIds == null || staffIds.isEmpty()) {
			errors.put("staffId", I18n.t("people.invite.staff.required"));
		}
		if (r == null) {
			errors.put("role", I18n.t("people.invite.role.required"));
		}
		if (!errors.isEmpty()) {
			return page(school, errors, "", Who.BOTH.name(), model);
		}
		Selection selection = Selection.ofStaff(r, List.copyOf(new java.util.LinkedHashSet<>(staffIds)));
		int issued = book.issue(school, actor.accountId(), selection, reissue);
		redirect.addFlashAttribute("issued", issued);
		return "redirect:/admin/invitations/letters?" + selection.query();
	}

	@GetMapping("/admin/invitations/letters")
	String letters(Actor actor, @RequestParam(required = false) @Nullable String classId,
			@RequestParam(required = false) @Nullable String who, @RequestParam(required = false) @Nullable String role,
			@RequestParam(name = "staffId", required = false) @Nullable List<Long> staffIds, Model model) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Selection selection = selection(classId, who, role, staffIds);
		model.addAttribute("letters", book.letters(school, selection));
		model.addAttribute("registerUrl", registerUrl());
		model.addAttribute("pdfUrl", "/admin/invitations/letters.pdf?" + selection.query());
		if (!model.containsAttribute("issued")) {
			model.addAttribute("issued", -1);
		}
		return "school/people/letters";
	}

	@GetMapping("/admin/invitations/letters.pdf")
	ResponseEntity<byte[]> pdf(Actor actor, @RequestParam(required = false) @Nullable String classId,
			@RequestParam(required = false) @Nullable String who, @RequestParam(required = false) @Nullable String role,
			@RequestParam(name = "staffId", required = false) @Nullable List<Long> staffIds) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Selection selection = selection(classId, who, role, staffIds);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		LetterPdf.write(book.letters(school, selection), registerUrl(), out);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("invitations.pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(out.toByteArray());
	}

	private String page(long school, Map<String, String> errors, String classId, String who, Model model) {
		List<StaffInvitee> staff = invitees.staff(school);
		List<Long> ids = staff.stream().map(StaffInvitee::id).toList();
		model.addAttribute("classes", PeopleForms.classes(
				years.current(school).map(y -> classes.ofYear(y.id())).orElse(List.of())));
		model.addAttribute("whoOptions", whoOptions());
		model.addAttribute("classId", classId);
		model.addAttribute("who", who);
		model.addAttribute("staff", staff);
		model.addAttribute("teacherStatus", statuses.of(Role.TEACHER, ids));
		model.addAttribute("adminStatus", statuses.of(Role.SCHOOL_ADMIN, ids));
		model.addAttribute("errors", errors);
		return "school/people/invitations";
	}

	private static List<Option> whoOptions() {
		List<Option> options = new ArrayList<>();
		for (Who w : Who.values()) {
			options.add(new Option(w.name(), I18n.t("people.invite.who." + w.name())));
		}
		return options;
	}

	private static Selection selection(@Nullable String classId, @Nullable String who, @Nullable String role,
			@Nullable List<Long> staffIds) {
		Long cls = parseId(classId);
		Who w = parseWho(who);
		if (cls != null && w != null) {
			return Selection.ofClass(cls, w);
		}
		Role r = parseStaffRole(role);
		if (r != null && staffIds != null && !staffIds.isEmpty()) {
			return Selection.ofStaff(r, List.copyOf(new java.util.LinkedHashSet<>(staffIds)));
		}
		throw new NotFound();
	}

	private static @Nullable Long parseId(@Nullable String value) {
		try {
			return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static @Nullable Who parseWho(@Nullable String value) {
		for (Who w : Who.values()) {
			if (w.name().equals(value)) {
				return w;
			}
		}
		return null;
	}

	private static @Nullable Role parseStaffRole(@Nullable String value) {
		return Role.TEACHER.name().equals(value) ? Role.TEACHER
				: Role.SCHOOL_ADMIN.name().equals(value) ? Role.SCHOOL_ADMIN : null;
	}

	/** The site's address as the admin reached it, printed on the letters. */
	private String registerUrl() {
		if (!publicUrl.isBlank()) {
			return publicUrl.replaceAll("/+$", "") + "/register";
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/register").build().toUriString();
	}
}
