package ru.eschool.gradebook.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.gradebook.Remarks.Remark;
import ru.eschool.gradebook.internal.RemarkBook;
import ru.eschool.gradebook.internal.RemarkBook.Target;
import ru.eschool.school.SchoolNames;
import ru.eschool.shared.Actor;
import ru.eschool.shared.web.I18n;

/** A teacher writes a remark or praise on a student of their class (from the journal grid). */
@Controller
@RequestMapping("/journal/remarks")
class RemarksController {

	private final RemarkBook book;
	private final SchoolNames names;

	RemarksController(RemarkBook book, SchoolNames names) {
		this.book = book;
		this.names = names;
	}

	@GetMapping
	String form(Actor actor, @RequestParam("class") long classId, @RequestParam long student,
			@RequestParam(required = false) @Nullable Long subject, Model model) {
		Target target = book.target(actor, classId, student, subject);
		return render(target, Map.of("kind", "REMARK", "body", "", "date", book.today().toString()), Map.of(), model);
	}

	@PostMapping
	String write(Actor actor, @RequestParam("class") long classId, @RequestParam long student,
			@RequestParam(required = false) @Nullable Long subject, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String date, Model model,
			RedirectAttributes redirect) {
		Target target = book.target(actor, classId, student, subject);
		Map<String, String> errors = book.write(actor, target, kind, body, date);
		if (!errors.isEmpty()) {
			Map<String, String> messages = new java.util.HashMap<>();
			errors.forEach((field, key) -> messages.put(field, I18n.t(key, RemarkBook.MAX_LENGTH)));
			return render(target, Map.of("kind", kind, "body", body, "date", date), messages, model);
		}
		redirect.addFlashAttribute("notice", "gradebook.remark.saved");
		return "redirect:/journal/remarks?class=" + classId + "&student=" + student + (subject == null ? "" : "&subject=" + subject);
	}

	private String render(Target target, Map<String, String> form, Map<String, String> errors, Model model) {
		List<Remark> recent = book.recent(target);
		Set<Long> subjects = new HashSet<>();
		Set<Long> authors = new HashSet<>();
		for (Remark r : recent) {
			if (r.subjectId() != null) {
				subjects.add(r.subjectId());
			}
			authors.add(r.authorStaffId());
		}
		model.addAttribute("target", target);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("recent", recent);
		model.addAttribute("subjectNames", names.subjects(subjects));
		model.addAttribute("authorNames", names.staffShort(authors));
		return "gradebook/remark";
	}
}
