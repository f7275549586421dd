package ru.eschool.school.web;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.school.internal.Subjects;
import ru.eschool.school.internal.Subjects.Subject;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.FormErrors;

/** The school's subjects: a name unique in the school, and whether it is marked pass/fail. */
@Controller
@RequestMapping("/admin/subjects")
class SubjectController {

	record SubjectForm(@NotBlank(message = "{validation.required}") @Size(max = 120, message = "{validation.tooLong}") String name,
			@Nullable String passFail) {

		boolean isPassFail() {
			return passFail != null && !passFail.isBlank();
		}

		Map<String, String> values() {
			return Forms.values("name", name, "passFail", isPassFail() ? "on" : "");
		}
	}

	private final Subjects subjects;

	SubjectController(Subjects subjects) {
		this.subjects = subjects;
	}

	@GetMapping
	String list(Actor actor, Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		return listPage(inst, Forms.values("name", "", "passFail", ""), Map.of(), model);
	}

	@PostMapping
	String create(Actor actor, @Valid @ModelAttribute SubjectForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		checkUnique(inst, form, 0, result);
		if (!result.hasErrors()) {
			try {
				subjects.create(inst, form.name(), form.isPassFail());
				redirect.addFlashAttribute("notice", "structure.subject.created");
				return "redirect:/admin/subjects";
			}
			catch (DuplicateKeyException e) {
				result.rejectValue("name", "structure.subject.taken", new Object[] { form.name().strip() }, null);
			}
		}
		return listPage(inst, form.values(), FormErrors.of(result), model);
	}

	@GetMapping("/{id}")
	String edit(Actor actor, @PathVariable long id, Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Subject subject = subjects.find(inst, id).orElseThrow(NotFound::new);
		return editPage(subject, Forms.values("name", subject.name(), "passFail", subject.passFail() ? "on" : ""),
				Map.of(), model);
	}

	@PostMapping("/{id}")
	String update(Actor actor, @PathVariable long id, @Valid @ModelAttribute SubjectForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Subject subject = subjects.find(inst, id).orElseThrow(NotFound::new);
		checkUnique(inst, form, subject.id(), result);
		if (!result.hasErrors()) {
			try {
				subjects.update(subject.id(), form.name(), form.isPassFail());
				redirect.addFlashAttribute("notice", "structure.subject.saved");
				return "redirect:/admin/subjects";
			}
			catch (DuplicateKeyException e) {
				result.rejectValue("name", "structure.subject.taken", new Object[] { form.name().strip() }, null);
			}
		}
		return editPage(subject, form.values(), FormErrors.of(result), model);
	}

	private void checkUnique(long inst, SubjectForm form, long exceptId, BindingResult result) {
		if (form.name() != null && !form.name().isBlank() && subjects.nameTaken(inst, form.name(), exceptId)) {
			result.rejectValue("name", "structure.subject.taken", new Object[] { form.name().strip() }, null);
		}
	}

	private String listPage(long inst, Map<String, String> form, Map<String, String> errors, Model model) {
		model.addAttribute("subjects", subjects.of(inst));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "school/structure/subjects";
	}

	private String editPage(Subject subject, Map<String, String> form, Map<String, String> errors, Model model) {
		model.addAttribute("subject", subject);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "school/structure/subject";
	}
}
