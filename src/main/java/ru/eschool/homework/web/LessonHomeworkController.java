package ru.eschool.homework.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.homework.internal.Assignments.Row;
import ru.eschool.homework.internal.HandIns.HandIn;
import ru.eschool.homework.internal.HomeworkDesk;
import ru.eschool.homework.internal.HomeworkDesk.Input;
import ru.eschool.homework.internal.HomeworkDesk.Upload;
import ru.eschool.homework.internal.HomeworkFiles;
import ru.eschool.homework.web.LessonPage.FormValues;
import ru.eschool.homework.web.LessonPage.HandInLine;
import ru.eschool.school.ClassMembers;
import ru.eschool.school.SchoolNames;
import ru.eschool.shared.Actor;
import ru.eschool.timetable.Lesson;

/**
 * The lesson page of homework for its teacher (or substitute): set or edit the homework, and,
 * when hand-ins are asked for, see who handed in and mark them.
 */
@Controller
class LessonHomeworkController {

	private final HomeworkDesk desk;
	private final SchoolNames names;
	private final ClassMembers members;

	LessonHomeworkController(HomeworkDesk desk, SchoolNames names, ClassMembers members) {
		this.desk = desk;
		this.names = names;
		this.members = members;
	}

	@GetMapping("/homework/lessons/{lessonId}")
	String page(Actor actor, @PathVariable long lessonId, @RequestParam(required = false) @Nullable String tooBig,
			Model model) {
		Lesson lesson = desk.lessonOfTeacher(actor, lessonId);
		Row a = desk.ofLesson(lesson.id()).orElse(null);
		FormValues values = a == null ? new FormValues("", "", false, null, null)
				: new FormValues(a.body(), String.join("\n", desk.links(a.id())), a.handIn(), a.dueLessonId(), a.dueOn());
		Map<String, String> errors = tooBig == null ? Map.of()
				: Map.of("files", ru.eschool.shared.web.I18n.t("homework.request.tooBig", HomeworkUploadLimit.MAX_REQUEST_MB));
		return render(lesson, a, values, errors, model);
	}

	@PostMapping("/homework/lessons/{lessonId}")
	String set(Actor actor, @PathVariable long lessonId, @RequestParam(defaultValue = "") String text,
			@RequestParam(defaultValue = "") String links, @RequestParam(defaultValue = "false") boolean handIn,
			@RequestParam(required = false) @Nullable Long dueLessonId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueOn,
			@RequestParam(required = false) @Nullable List<MultipartFile> files, Model model, RedirectAttributes redirect)
			throws IOException {
		List<Upload> uploads = new ArrayList<>();
		if (files != null) {
			for (MultipartFile f : files) {
				if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
					continue;
				}
				uploads.add(upload(f));
			}
		}
		Map<String, String> errors = desk.set(actor, lessonId, new Input(text, links, handIn, dueLessonId, dueOn, uploads));
		if (errors.isEmpty()) {
			redirect.addFlashAttribute("notice", "homework.saved");
			return "redirect:/homework/lessons/" + lessonId;
		}
		Lesson lesson = desk.lessonOfTeacher(actor, lessonId);
		return render(lesson, desk.ofLesson(lessonId).orElse(null), new FormValues(text, links, handIn, dueLessonId, dueOn),
				errors, model);
	}

	/** A file over the limit is not read into memory: only its size is passed on, to be refused. */
	static Upload upload(MultipartFile f) throws IOException {
		if (f.getSize() > HomeworkFiles.MAX_BYTES) {
			return new Upload(f.getOriginalFilename(), f.getSize(), new byte[0]);
		}
		return new Upload(f.getOriginalFilename(), f.getSize(), f.getBytes());
	}

	@PostMapping("/homework/lessons/{lessonId}/files/{fileId}/delete")
	String removeFile(Actor actor, @PathVariable long lessonId, @PathVariable long fileId, RedirectAttributes redirect) {
		desk.removeFile(actor, lessonId, fileId);
		redirect.addFlashAttribute("notice", "homework.file.removed");
		return "redirect:/homework/lessons/" + lessonId;
	}

	@PostMapping("/homework/lessons/{lessonId}/hand-ins/{handInId}/mark")
	String mark(Actor actor, @PathVariable long lessonId, @PathVariable long handInId,
			@RequestParam(required = false) @Nullable Integer mark, @RequestParam(required = false) @Nullable String comment,
			RedirectAttributes redirect) {
		Map<String, String> errors = desk.markHandIn(actor, lessonId, handInId, mark, comment);
		if (errors.isEmpty()) {
			redirect.addFlashAttribute("notice", "homework.mark.saved");
		}
		else {
			redirect.addFlashAttribute("markError", errors.values().iterator().next());
		}
		return "redirect:/homework/lessons/" + lessonId + "#hand-ins";
	}

	private String render(Lesson lesson, @Nullable Row a, FormValues values, Map<String, String> errors, Model model) {
		List<HandInLine> lines = List.of();
		if (a != null && a.handIn()) {
			Map<Long, HandIn> byStudent = desk.handInsOf(a.id()).stream()
				.collect(Collectors.toMap(HandIn::studentId, Function.identity()));
			lines = members.pupils(lesson.classId(), lesson.groupId()).stream()
				.map(p -> new HandInLine(p, byStudent.get(p.id())))
				.toList();
		}
		model.addAttribute("lesson", lesson);
		model.addAttribute("subject", names.subjects(Set.of(lesson.subjectId())).getOrDefault(lesson.subjectId(), ""));
		model.addAttribute("className", names.classes(Set.of(lesson.classId())).getOrDefault(lesson.classId(), ""));
		model.addAttribute("choices", desk.dueChoices(lesson));
		model.addAttribute("assignment", a);
		model.addAttribute("files", a == null ? List.of() : desk.files(a.id()));
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("handIns", lines);
		model.addAttribute("maxMb", HomeworkFiles.MAX_BYTES / 1024 / 1024);
		return "homework/lesson";
	}
}
