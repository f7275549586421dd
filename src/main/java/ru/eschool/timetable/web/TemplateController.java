package ru.eschool.timetable.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

import ru.eschool.school.StudyCalendar;
import ru.eschool.school.StudyCalendar.StudyPeriod;
import ru.eschool.school.TeachingDirectory;
import ru.eschool.school.TeachingDirectory.Assignment;
import ru.eschool.school.TeachingDirectory.ClassInfo;
import ru.eschool.school.TeachingDirectory.Group;
import ru.eschool.school.TeachingDirectory.Names;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.timetable.internal.Bell;
import ru.eschool.timetable.internal.Bells;
import ru.eschool.timetable.internal.LessonGeneration;
import ru.eschool.timetable.internal.Problem;
import ru.eschool.timetable.internal.TemplateEntries;
import ru.eschool.timetable.internal.TemplateEntry;
import ru.eschool.timetable.internal.WeeklyTemplate;
import ru.eschool.timetable.internal.WeeklyTemplate.NewEntry;

/**
 * The school admin's timetable pages: the classes of the current year with their templates, a
 * class's weekly template as a grid (weekday × slot) with its add and remove forms, and the button
 * that turns templates into dated lessons.
 */
@Controller
@RequestMapping("/admin/timetable")
class TemplateController {

	private final TeachingDirectory directory;
	private final StudyCalendar calendar;
	private final Bells bells;
	private final TemplateEntries entries;
	private final WeeklyTemplate template;
	private final LessonGeneration generation;
	private final Clock clock;

	TemplateController(TeachingDirectory directory, StudyCalendar calendar, Bells bells, TemplateEntries entries,
			WeeklyTemplate template, LessonGeneration generation, Clock clock) {
		this.directory = directory;
		this.calendar = calendar;
		this.bells = bells;
		this.entries = entries;
		this.template = template;
		this.generation = generation;
		this.clock = clock;
	}

	@GetMapping
	String classes(Actor actor, Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		model.addAttribute("classes", directory.currentClasses(inst));
		model.addAttribute("counts", entries.countsByClass(inst));
		model.addAttribute("hasBells", !bells.of(inst).isEmpty());
		return "timetable/classes";
	}

	/** Dated lessons for every class of the year: its current period, or the rest of the year. */
	@PostMapping("/generate")
	String generateAll(Actor actor, @RequestParam(defaultValue = "period") String scope, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Map<ClassInfo, LocalDate[]> ranges = new LinkedHashMap<>();
		for (ClassInfo klass : directory.currentClasses(inst)) {
			List<PeriodChoice> choices = choices(calendar.periodsOfClass(klass.id()));
			Optional<PeriodChoice> choice = "year".equals(scope)
					? choices.stream().filter(c -> c.period() == null).findFirst()
					: choices.stream().filter(c -> c.period() != null && !c.to().isBefore(today())).findFirst();
			choice.ifPresent(c -> ranges.put(klass, new LocalDate[] { c.from(), c.to() }));
		}
		int added = generation.generate(inst, ranges);
		redirect.addFlashAttribute("generated", added);
		return "redirect:/admin/timetable";
	}

	@GetMapping("/classes/{classId}")
	String klass(Actor actor, @PathVariable long classId, Model model) {
		ClassInfo klass = scoped(actor, classId);
		return page(klass, Map.of("weekday", "1", "slot", "", "assignmentId", "", "groupId", "", "room", ""), Map.of(),
				model);
	}

	@PostMapping("/classes/{classId}/entries")
	String add(Actor actor, @PathVariable long classId, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		ClassInfo klass = scoped(actor, classId);
		List<Problem> problems = new ArrayList<>();
		Integer weekday = number(form.get("weekday"));
		if (weekday == null) {
			problems.add(new Problem("weekday", "timetable.template.weekday"));
		}
		int[] slot = slot(form.get("slot"));
		if (slot == null) {
			problems.add(new Problem("slot", "timetable.template.noSlot"));
		}
		Assignment assignment = null;
		Long assignmentId = id(form.get("assignmentId"));
		if (assignmentId == null) {
			problems.add(new Problem("assignmentId", "timetable.template.assignmentRequired"));
		}
		else {
			assignment = directory.assignmentsOfClass(classId).stream().filter(a -> a.id() == assignmentId).findFirst()
				.orElseThrow(NotFound::new);
		}
		Long groupId = id(form.get("groupId"));
		if (groupId != null) {
			directory.groupsOfClass(classId).stream().filter(g -> g.id() == groupId).findFirst()
				.orElseThrow(NotFound::new);
			if (assignment != null && assignment.groupId() != null && !assignment.groupId().equals(groupId)) {
				problems.add(new Problem("groupId", "timetable.template.otherGroup", assignment.groupName()));
			}
		}
		if (problems.isEmpty()) {
			Long group = groupId != null ? groupId : assignment.groupId();
			problems.addAll(template.add(klass, new NewEntry(weekday, slot[0], slot[1], assignment.subjectId(),
					assignment.staffId(), group, form.get("room"))));
		}
		if (!problems.isEmpty()) {
			return page(klass, form, Problems.messages(problems), model);
		}
		redirect.addFlashAttribute("notice", "timetable.template.added");
		return "redirect:/admin/timetable/classes/" + classId;
	}

	@PostMapping("/classes/{classId}/entries/{entryId}/delete")
	String remove(Actor actor, @PathVariable long classId, @PathVariable long entryId, RedirectAttributes redirect) {
		ClassInfo klass = scoped(actor, classId);
		TemplateEntry entry = entries.find(klass.institutionId(), entryId).filter(e -> e.classId() == classId)
			.orElseThrow(NotFound::new);
		template.remove(entry);
		redirect.addFlashAttribute("notice", "timetable.template.removed");
		return "redirect:/admin/timetable/classes/" + classId;
	}

	@PostMapping("/classes/{classId}/generate")
	String generate(Actor actor, @PathVariable long classId, @RequestParam(defaultValue = "") String period,
			RedirectAttributes redirect) {
		ClassInfo klass = scoped(actor, classId);
		PeriodChoice choice = choices(calendar.periodsOfClass(classId)).stream().filter(c -> c.value().equals(period))
			.findFirst().orElseThrow(NotFound::new);
		redirect.addFlashAttribute("generated", generation.generate(klass, choice.from(), choice.to()));
		return "redirect:/admin/timetable/classes/" + classId;
	}

	private ClassInfo scoped(Actor actor, long classId) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		return directory.schoolClass(inst, classId).orElseThrow(NotFound::new);
	}

	private String page(ClassInfo klass, Map<String, String> form, Map<String, String> errors, Model model) {
		List<Bell> schoolBells = bells.of(klass.institutionId());
		List<TemplateEntry> lines = entries.ofClass(klass.id());
		Set<Long> subjects = new HashSet<>();
		Set<Long> staff = new HashSet<>();
		Set<Long> groups = new HashSet<>();
		for (TemplateEntry e : lines) {
			subjects.add(e.subjectId());
			staff.add(e.teacherId());
			if (e.groupId() != null) {
				groups.add(e.groupId());
			}
		}
		Names names = directory.names(subjects, staff, Set.of(), groups);
		Map<String, List<TemplateGrid.Cell>> cells = new LinkedHashMap<>();
		for (TemplateEntry e : lines) {
			cells.computeIfAbsent(e.weekday() + "/" + e.shift() + "/" + e.number(), k -> new ArrayList<>())
				.add(new TemplateGrid.Cell(e.id(), names.subject(e.subjectId()), names.staffShort(e.teacherId()),
						names.group(e.groupId()), e.room() == null ? "" : e.room()));
		}
		List<Group> classGroups = directory.groupsOfClass(klass.id());
		model.addAttribute("klass", klass);
		model.addAttribute("grid", new TemplateGrid(schoolBells, cells));
		model.addAttribute("assignments", directory.assignmentsOfClass(klass.id()));
		model.addAttribute("groups", classGroups);
		List<PeriodChoice> periods = choices(calendar.periodsOfClass(klass.id()));
		model.addAttribute("periods", periods);
		model.addAttribute("currentPeriod", periods.stream().filter(p -> p.period() != null && !p.to().isBefore(today()))
			.map(PeriodChoice::value).findFirst().orElse("year"));
		model.addAttribute("form", new HashMap<>(form));
		model.addAttribute("errors", errors);
		return "timetable/template";
	}

	/** The class's periods, then "the rest of the year" (from today to the last period's end) while there is one. */
	private List<PeriodChoice> choices(List<StudyPeriod> periods) {
		List<PeriodChoice> choices = new ArrayList<>();
		for (StudyPeriod p : periods) {
			choices.add(new PeriodChoice(String.valueOf(p.id()), p, p.startsOn(), p.endsOn()));
		}
		LocalDate last = LessonGeneration.lastDay(periods);
		if (last != null && !last.isBefore(today())) {
			choices.add(new PeriodChoice("year", null, today(), last));
		}
		return choices;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static @Nullable Integer number(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			return null;
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

	/** "1/3" → shift 1, slot 3. */
	private static int @Nullable [] slot(@Nullable String text) {
		if (text == null || !text.matches("\\d/\\d{1,2}")) {
			return null;
		}
		String[] parts = text.split("/");
		return new int[] { Integer.parseInt(parts[0]), Integer.parseInt(parts[1]) };
	}
}
