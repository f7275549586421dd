package ru.eschool.gradebook.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.gradebook.Attendance;
import ru.eschool.gradebook.internal.AbsenceReasons.Source;
import ru.eschool.gradebook.internal.ClassOverview;
import ru.eschool.gradebook.internal.ClassOverview.ClassLink;
import ru.eschool.gradebook.internal.Refusal;
import ru.eschool.school.SchoolNames;
import ru.eschool.school.SchoolRoster;
import ru.eschool.school.StudyCalendar;
import ru.eschool.shared.Actor;
import ru.eschool.shared.Role;

/**
 * The class teacher's overview of their class (the school admin reads it too) and the reasons for
 * absences the class teacher records there.
 */
@Controller
@RequestMapping("/journal/class")
class ClassTeacherController {

	private final ClassOverview overview;
	private final SchoolRoster roster;
	private final StudyCalendar calendar;
	private final SchoolNames names;

	ClassTeacherController(ClassOverview overview, SchoolRoster roster, StudyCalendar calendar, SchoolNames names) {
		this.overview = overview;
		this.roster = roster;
		this.calendar = calendar;
		this.names = names;
	}

	/** The classes whose overview the actor may open: the ones a teacher leads; every class for an admin. */
	@GetMapping
	String list(Actor actor, Model model) {
		actor.require(Role.TEACHER, Role.SCHOOL_ADMIN);
		List<ClassLink> classes = new ArrayList<>();
		if (actor.is(Role.TEACHER)) {
			roster.classesOf(actor).stream().filter(SchoolRoster.ClassSummary::classTeacher)
				.forEach(c -> classes.add(new ClassLink(c.id(), c.name())));
		}
		else {
			names.classes(calendar.periodsOfClasses(actor.institutionId()).keySet())
				.forEach((id, name) -> classes.add(new ClassLink(id, name)));
			classes.sort(Comparator.comparing((ClassLink c) -> c.name().length()).thenComparing(ClassLink::name));
		}
		if (classes.size() == 1 && actor.is(Role.TEACHER)) {
			return "redirect:/journal/class/" + classes.get(0).id();
		}
		model.addAttribute("classes", classes);
		return "gradebook/classes";
	}

	@GetMapping("/{classId}")
	String page(Actor actor, @PathVariable long classId, @RequestParam(required = false) @Nullable Long period, Model model) {
		return render(actor, classId, period, Map.of(), null, model);
	}

	private String render(Actor actor, long classId, @Nullable Long period, Map<String, String> form,
			@Nullable Refusal refusal, Model model) {
		model.addAttribute("o", overview.overview(actor, classId, period));
		model.addAttribute("form", form);
		model.addAttribute("absenceError", refusal);
		return "gradebook/overview";
	}

	@PostMapping("/{classId}/absence")
	String absence(Actor actor, @PathVariable long classId, @RequestParam(defaultValue = "0") long student,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "UP") String kind, @RequestParam(defaultValue = "NOTE") String source,
			@RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
		actor.require(Role.TEACHER);
		overview.schoolClass(actor, classId);
		int changed;
		try {
			LocalDate f = date(from);
			LocalDate t = to.isBlank() ? f : date(to);
			Attendance k = Attendance.valueOf(kind);
			Source s = Source.valueOf(source);
			changed = overview.recordReason(actor, classId, student, f, t, k, s, reason);
		}
		catch (Refusal r) {
			return render(actor, classId, null, Map.of("student", String.valueOf(student), "from", from, "to", to, "kind", kind,
					"source", source, "reason", reason), r, model);
		}
		catch (IllegalArgumentException e) {
			return render(actor, classId, null, Map.of("student", String.valueOf(student), "from", from, "to", to, "kind", kind,
					"source", source, "reason", reason), new Refusal("gradebook.absence.error.kind"), model);
		}
		redirect.addFlashAttribute("notice", "gradebook.absence.saved");
		redirect.addFlashAttribute("changed", changed);
		return "redirect:/journal/class/" + classId;
	}

	private static LocalDate date(String typed) {
		try {
			return LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException e) {
			throw new Refusal("gradebook.absence.error.dates", 92);
		}
	}
}
