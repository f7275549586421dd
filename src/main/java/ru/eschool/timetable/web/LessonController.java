package ru.eschool.timetable.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.school.TeachingDirectory;
import ru.eschool.school.TeachingDirectory.Names;
import ru.eschool.shared.Actor;
import ru.eschool.shared.Role;
import ru.eschool.timetable.Lesson;
import ru.eschool.timetable.LessonChanged.Kind;
import ru.eschool.timetable.internal.Bells;
import ru.eschool.timetable.internal.LessonChanges;
import ru.eschool.timetable.internal.LessonChanges.Change;
import ru.eschool.timetable.internal.Problem;

/**
 * A dated lesson for the school admin: what it is, its history, and the four changes (substitute,
 * cancel, move, room), each a small form that carries the lesson's version so that a stale form is
 * refused rather than overwriting a colleague's change.
 */
@Controller
@RequestMapping("/admin/timetable/lessons/{lessonId}")
class LessonController {

	private final LessonChanges changes;
	private final TeachingDirectory directory;
	private final Bells bells;

	LessonController(LessonChanges changes, TeachingDirectory directory, Bells bells) {
		this.changes = changes;
		this.directory = directory;
		this.bells = bells;
	}

	@GetMapping
	String show(Actor actor, @PathVariable long lessonId, Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		return page(changes.find(inst, lessonId), "", Map.of(), Map.of(), model);
	}

	@PostMapping("/substitute")
	String substitute(Actor actor, @PathVariable long lessonId, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Long substitute = id(form.get("substituteId"));
		changes.find(inst, lessonId);
		List<Problem> problems = substitute == null
				? List.of(new Problem("substituteId", "timetable.substitute.required"))
				: changes.substitute(inst, lessonId, version(form), substitute, form.get("reason"), actor.personId());
		return after(inst, lessonId, "substitute", form, problems, model, redirect);
	}

	@PostMapping("/cancel")
	String cancel(Actor actor, @PathVariable long lessonId, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		List<Problem> problems = changes.cancel(inst, lessonId, version(form), form.get("reason"), actor.personId());
		return after(inst, lessonId, "cancel", form, problems, model, redirect);
	}

	@PostMapping("/move")
	String move(Actor actor, @PathVariable long lessonId, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		LocalDate date = date(form.get("date"));
		String slot = form.getOrDefault("slot", "");
		List<Problem> problems;
		if (!slot.matches("\\d/\\d{1,2}")) {
			changes.find(inst, lessonId);
			problems = List.of(new Problem("slot", "timetable.template.noSlot"));
		}
		else {
			String[] s = slot.split("/");
			problems = changes.move(inst, lessonId, version(form), date, Integer.parseInt(s[0]), Integer.parseInt(s[1]),
					form.get("reason"), actor.personId());
		}
		return after(inst, lessonId, "move", form, problems, model, redirect);
	}

	@PostMapping("/room")
	String room(Actor actor, @PathVariable long lessonId, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		List<Problem> problems = changes.changeRoom(inst, lessonId, version(form), form.get("room"), form.get("reason"),
				actor.personId());
		return after(inst, lessonId, "room", form, problems, model, redirect);
	}

	private String after(long inst, long lessonId, String action, Map<String, String> form, List<Problem> problems,
			Model model, RedirectAttributes redirect) {
		if (problems.isEmpty()) {
			redirect.addFlashAttribute("notice", "timetable.change.saved." + action);
			return "redirect:/admin/timetable/lessons/" + lessonId;
		}
		return page(changes.find(inst, lessonId), action, form, Problems.messages(problems), model);
	}

	private String page(Lesson lesson, String action, Map<String, String> form, Map<String, String> errors,
			Model model) {
		List<Change> history = changes.history(lesson.id());
		Set<Long> staff = new HashSet<>(Set.of(lesson.teacherId()));
		if (lesson.substituteId() != null) {
			staff.add(lesson.substituteId());
		}
		for (Change c : history) {
			staff.add(c.changedBy());
			if (c.kind() == Kind.SUBSTITUTE) {
				staff.add(Long.valueOf(c.oldValue()));
				staff.add(Long.valueOf(c.newValue()));
			}
		}
		Set<Long> groups = lesson.groupId() == null ? Set.of() : Set.of(lesson.groupId());
		Names names = directory.names(Set.of(lesson.subjectId()), staff, Set.of(lesson.classId()), groups);
		List<HistoryRow> rows = new ArrayList<>();
		for (Change c : history) {
			rows.add(switch (c.kind()) {
				case SUBSTITUTE -> new HistoryRow(c, names.staffShort(Long.valueOf(c.oldValue())),
						names.staffShort(Long.valueOf(c.newValue())), names.staffShort(c.changedBy()));
				case MOVE -> new HistoryRow(c, place(c.oldValue()), place(c.newValue()), names.staffShort(c.changedBy()));
				default -> new HistoryRow(c, c.oldValue() == null ? "" : c.oldValue(),
						c.newValue() == null ? "" : c.newValue(), names.staffShort(c.changedBy()));
			});
		}
		model.addAttribute("lesson", lesson);
		model.addAttribute("names", names);
		model.addAttribute("history", rows);
		model.addAttribute("staff", directory.activeStaff(lesson.institutionId()));
		model.addAttribute("bells", bells.of(lesson.institutionId()));
		model.addAttribute("action", action);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "timetable/lesson";
	}

	/** "2026-12-07 1 3" → "07.12.2026, 3" (the shift is shown only when it is not the first). */
	static String place(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String[] p = value.split(" ");
		String date = ru.eschool.shared.web.Formats.date(LocalDate.parse(p[0]));
		return date + ", " + ru.eschool.shared.web.I18n.t("timetable.slot.short", Integer.parseInt(p[2]))
				+ ("1".equals(p[1]) ? "" : " (" + ru.eschool.shared.web.I18n.t("timetable.shift", Integer.parseInt(p[1])) + ")");
	}

	private static int version(Map<String, String> form) {
		try {
			return Integer.parseInt(form.getOrDefault("version", "-1").strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private static @Nullable Long id(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
