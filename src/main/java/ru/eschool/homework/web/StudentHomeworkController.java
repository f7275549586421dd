package ru.eschool.homework.web;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.homework.internal.Assignments.Row;
import ru.eschool.homework.internal.HomeworkDesk;
import ru.eschool.homework.internal.HomeworkFiles;
import ru.eschool.school.SchoolNames;
import ru.eschool.shared.Actor;
import ru.eschool.shared.web.I18n;

/** A student's side of homework: mark it done, and hand in an answer where the teacher asks. */
@Controller
class StudentHomeworkController {

	private final HomeworkDesk desk;
	private final SchoolNames names;

	StudentHomeworkController(HomeworkDesk desk, SchoolNames names) {
		this.desk = desk;
		this.names = names;
	}

	@GetMapping("/homework/{id}")
	String page(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable String tooBig, Model model) {
		Row a = desk.ofStudent(actor, id);
		Map<String, String> errors = tooBig == null ? Map.of()
				: Map.of("file", I18n.t("homework.request.tooBig", HomeworkUploadLimit.MAX_REQUEST_MB));
		return render(actor, a, "", errors, model);
	}

	@PostMapping("/homework/{id}/done")
	String done(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean done,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		desk.markDone(actor, id, done);
		if (htmx != null) {
			model.addAttribute("id", id);
			model.addAttribute("done", done);
			return "homework/done";
		}
		return "redirect:/homework/" + id;
	}

	@PostMapping("/homework/{id}/hand-in")
	String handIn(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) @Nullable MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		HomeworkDesk.Upload upload = file == null || (file.isEmpty() && blank(file.getOriginalFilename())) ? null
				: LessonHomeworkController.upload(file);
		Map<String, String> errors = desk.handIn(actor, id, text, upload);
		if (errors.isEmpty()) {
			redirect.addFlashAttribute("notice", "homework.handIn.saved");
			return "redirect:/homework/" + id;
		}
		return render(actor, desk.ofStudent(actor, id), text, errors, model);
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}

	private String render(Actor actor, Row a, String text, Map<String, String> errors, Model model) {
		model.addAttribute("assignment", a);
		model.addAttribute("subject", names.subjects(Set.of(a.subjectId())).getOrDefault(a.subjectId(), ""));
		model.addAttribute("links", desk.links(a.id()));
		model.addAttribute("files", desk.files(a.id()));
		model.addAttribute("done", desk.isDone(a.id(), actor.personId()));
		model.addAttribute("handIn", desk.handInOf(a.id(), actor.personId()).orElse(null));
		model.addAttribute("text", text);
		model.addAttribute("errors", errors);
		model.addAttribute("maxMb", HomeworkFiles.MAX_BYTES / 1024 / 1024);
		return "homework/student";
	}
}
