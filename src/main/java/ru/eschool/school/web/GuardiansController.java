package ru.eschool.school.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.school.internal.Guardians;
import ru.eschool.school.internal.Guardians.Child;
import ru.eschool.school.internal.Guardians.Guardian;
import ru.eschool.school.internal.Guardians.Relation;
import ru.eschool.school.internal.Students;
import ru.eschool.school.internal.Students.Student;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.FormErrors;

/**
 * A school admin's guardians: the list, a new guardian (linked right away to a student when
 * started from the student's card), and the card where links to children are added and removed.
 */
@Controller
class GuardiansController {

	static final int PAGE = 50;

	private final Guardians guardians;
	private final Students students;
	private final AccountStatuses statuses;
	private final TransactionTemplate tx;

	GuardiansController(Guardians guardians, Students students, AccountStatuses statuses, TransactionTemplate tx) {
		this.guardians = guardians;
		this.students = students;
		this.statuses = statuses;
		this.tx = tx;
	}

	@GetMapping("/admin/guardians")
	String list(Actor actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		int p = Math.min(Math.max(page, 0), 10_000); // beyond that the offset would overflow
		List<Guardian> rows = guardians.search(school, q, PAGE, p * PAGE);
		List<Guardian> shown = rows.size() > PAGE ? rows.subList(0, PAGE) : rows;
		model.addAttribute("guardians", shown);
		model.addAttribute("children", guardians.childrenOf(shown.stream().map(Guardian::id).toList()));
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("page", p);
		model.addAttribute("hasNext", rows.size() > PAGE);
		model.addAttribute("pageLink", "/admin/guardians?q="
				+ java.net.URLEncoder.encode(q == null ? "" : q, java.nio.charset.StandardCharsets.UTF_8) + "&page=");
		return "school/people/guardians";
	}

	@GetMapping("/admin/guardians/new")
	String newGuardian(Actor actor, @RequestParam(required = false) @Nullable Long studentId, Model model) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Student student = studentId == null ? null : students.find(school, studentId).orElseThrow(NotFound::new);
		return newForm(new NewGuardianForm("", "", "", "", "", studentId == null ? "" : studentId.toString(),
				Relation.MOTHER.name()), student, Map.of(),
				model);
	}

	@PostMapping("/admin/guardians")
	String create(Actor actor, @Valid @ModelAttribute("form") NewGuardianForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Long studentId = PeopleForms.id(form.studentId(), "studentId", result);
		if (form.studentId() != null && !form.studentId().isBlank() && studentId == null) {
			throw new NotFound();
		}
		Student student = studentId == null ? null : students.find(school, studentId).orElseThrow(NotFound::new);
		PeopleForms.Contact contact = PeopleForms.contacts(form.email(), form.phone(), result);
		Relation relation = Guardians.relation(form.relation()).orElse(null);
		if (student != null && relation == null) {
			PeopleForms.reject(result, "relation", "people.relation.required");
		}
		if (result.hasErrors()) {
			return newForm(form, student, FormErrors.of(result), model);
		}
		long id = tx.execute(s -> {
			long guardian = guardians.create(school,
					PeopleForms.name(form.lastName(), form.firstName(), form.middleName()), contact.email(),
					contact.phone());
			if (student != null) {
				guardians.link(guardian, student.id(), relation);
			}
			return guardian;
		});
		redirect.addFlashAttribute("notice", "people.guardian.created");
		return student != null ? "redirect:/admin/students/" + student.id() : "redirect:/admin/guardians/" + id;
	}

	@GetMapping("/admin/guardians/{id}")
	String card(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable String sq, Model model) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Guardian guardian = guardians.find(school, id).orElseThrow(NotFound::new);
		model.addAttribute("form", PersonForm.of(guardian.name(), guardian.email(), guardian.phone()));
		model.addAttribute("sq", sq == null ? "" : sq);
		model.addAttribute("found", sq == null || sq.isBlank() ? List.of() : students.current(school, null, sq, 10, 0)
			.stream().limit(10).toList());
		return card(guardian, Map.of(), model);
	}

	@PostMapping("/admin/guardians/{id}")
	String edit(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") PersonForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Guardian guardian = guardians.find(school, id).orElseThrow(NotFound::new);
		PeopleForms.Contact contact = PeopleForms.contacts(form.email(), form.phone(), result);
		if (result.hasErrors()) {
			model.addAttribute("sq", "");
			model.addAttribute("found", List.of());
			return card(guardian, FormErrors.of(result), model);
		}
		guardians.update(school, id, form.name(), contact.email(), contact.phone());
		redirect.addFlashAttribute("notice", "people.saved");
		return "redirect:/admin/guardians/" + id;
	}

	@PostMapping("/admin/guardians/{id}/children")
	String link(Actor actor, @PathVariable long id, @RequestParam long studentId,
			@RequestParam(required = false) @Nullable String relation, RedirectAttributes redirect) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		guardians.linkInSchool(school, id, studentId, Guardians.relation(relation).orElse(Relation.OTHER));
		redirect.addFlashAttribute("notice", "people.guardian.linked");
		return "redirect:/admin/guardians/" + id;
	}

	@PostMapping("/admin/guardians/{id}/children/{studentId}/unlink")
	String unlink(Actor actor, @PathVariable long id, @PathVariable long studentId, RedirectAttributes redirect) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		guardians.unlinkInSchool(school, id, studentId);
		redirect.addFlashAttribute("notice", "people.guardian.unlinked");
		return "redirect:/admin/guardians/" + id;
	}

	private String newForm(NewGuardianForm form, @Nullable Student student, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("student", student);
		model.addAttribute("relations", PeopleForms.relations());
		model.addAttribute("errors", errors);
		return "school/people/guardian-new";
	}

	private String card(Guardian guardian, Map<String, String> errors, Model model) {
		List<Child> children = guardians.childrenOf(List.of(guardian.id())).getOrDefault(guardian.id(), List.of());
		model.addAttribute("guardian", guardian);
		model.addAttribute("children", children);
		model.addAttribute("status", statuses.of(Role.GUARDIAN, List.of(guardian.id())).get(guardian.id()));
		model.addAttribute("relations", PeopleForms.relations());
		model.addAttribute("errors", errors);
		return "school/people/guardian";
	}
}
