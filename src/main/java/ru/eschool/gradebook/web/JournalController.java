package ru.eschool.gradebook.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.eschool.gradebook.internal.Journal;
import ru.eschool.gradebook.internal.Journal.CellView;
import ru.eschool.gradebook.internal.Journal.Grid;
import ru.eschool.gradebook.internal.Journal.PeriodView;
import ru.eschool.gradebook.internal.Refusal;
import ru.eschool.gradebook.internal.YearJournal;
import ru.eschool.gradebook.internal.YearJournal.YearView;
import ru.eschool.gradebook.YearMarkSet.Kind;
import ru.eschool.school.Teaching;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.timetable.Lesson;
import ru.eschool.timetable.Lessons;

/**
 * The teacher's journal: the list of journals, the grid of a study period, and its small edits —
 * each edit one request answered with only the changed cell (an htmx fragment).
 */
@Controller
@RequestMapping("/journal")
class JournalController {

	private final Journal journal;
	private final Teaching teaching;
	private final Lessons lessons;
	private final YearJournal year;

	JournalController(Journal journal, Teaching teaching, Lessons lessons, YearJournal year) {
		this.journal = journal;
		this.year = year;
		this.teaching = teaching;
		this.lessons = lessons;
	}

	@GetMapping
	String list(Actor actor, Model model) {
		actor.require(Role.TEACHER);
		model.addAttribute("assignments", teaching.assignmentsOf(actor.institutionId(), actor.personId()));
		model.addAttribute("substitutions", journal.substitutions(actor));
		return "gradebook/journals";
	}

	@GetMapping("/{classId}/{subjectId}")
	String grid(Actor actor, @PathVariable long classId, @PathVariable long subjectId,
			@RequestParam(required = false) @Nullable Long group, @RequestParam(required = false) @Nullable Long period,
			Model model) {
		Grid grid = journal.grid(actor, classId, subjectId, group, period);
		model.addAttribute("grid", grid);
		return "gradebook/grid";
	}

	/** One cell: {@code c} is "lessonId.studentId.version" as the grid rendered it, {@code v} what was typed. */
	@PostMapping("/cell")
	String cell(Actor actor, @RequestParam String c, @RequestParam(defaultValue = "") String v,
			@RequestParam(required = false) @Nullable String why, Model model) {
		String[] parts = c.split("\\.");
		if (parts.length != 3) {
			throw new NotFound();
		}
		long lessonId;
		long studentId;
		int version;
		try {
			lessonId = Long.parseLong(parts[0]);
			studentId = Long.parseLong(parts[1]);
			version = Integer.parseInt(parts[2]);
		}
		catch (NumberFormatException e) {
			throw new NotFound();
		}
		CellView view;
		try {
			view = journal.saveCell(actor, lessonId, studentId, version, v, why);
		}
		catch (Refusal r) {
			view = journal.current(actor, lessonId, studentId).withError(r.key(), r.args(), v);
		}
		model.addAttribute("c", view);
		return "gradebook/cell";
	}

	@GetMapping("/lesson/{lessonId}")
	String lesson(Actor actor, @PathVariable long lessonId, Model model) {
		Lesson lesson = lessons.find(lessonId).orElseThrow(NotFound::new);
		Grid grid = journal.grid(actor, lesson.classId(), lesson.subjectId(), lesson.groupId(), null);
		var column = grid.columns().stream().filter(col -> col.lesson().id() == lessonId).findFirst();
		if (column.isEmpty()) {
			// a lesson of another period: the grid of that period
			grid = grid.periods().stream().filter(p -> p.contains(lesson.date())).findFirst()
				.map(p -> journal.grid(actor, lesson.classId(), lesson.subjectId(), lesson.groupId(), p.id()))
				.orElseThrow(NotFound::new);
			column = grid.columns().stream().filter(col -> col.lesson().id() == lessonId).findFirst();
		}
		model.addAttribute("grid", grid);
		model.addAttribute("column", column.orElseThrow(NotFound::new));
		return "gradebook/lesson";
	}

	@PostMapping("/lesson/{lessonId}")
	String saveLesson(Actor actor, @PathVariable long lessonId, @RequestParam(defaultValue = "") String topic,
			@RequestParam(defaultValue = "") String note, @RequestParam(required = false) @Nullable Long workType,
			Model model, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		Lesson lesson = lessons.find(lessonId).orElseThrow(NotFound::new);
		try {
			journal.saveLesson(actor, lessonId, limit(topic, 300), limit(note, 500), workType);
		}
		catch (Refusal r) {
			redirect.addFlashAttribute("refusal", r.key());
			return "redirect:/journal/lesson/" + lessonId;
		}
		redirect.addFlashAttribute("notice", "gradebook.lesson.saved");
		return "redirect:/journal/" + lesson.classId() + "/" + lesson.subjectId()
				+ (lesson.groupId() == null ? "" : "?group=" + lesson.groupId());
	}

	@PostMapping("/{classId}/{subjectId}/period-mark")
	String periodMark(Actor actor, @PathVariable long classId, @PathVariable long subjectId,
			@RequestParam(required = false) @Nullable Long group, @RequestParam long period, @RequestParam long student,
			@RequestParam(defaultValue = "0") int n, @RequestParam(defaultValue = "") String v,
			@RequestParam(required = false) @Nullable String why, Model model) {
		PeriodView view;
		String error = null;
		try {
			view = journal.setPeriodMark(actor, classId, subjectId, group, period, student, n, v, why);
		}
		catch (Refusal r) {
			Grid grid = journal.grid(actor, classId, subjectId, group, period);
			view = grid.rows().stream().filter(row -> row.pupil().id() == student).findFirst().orElseThrow(NotFound::new)
				.period();
			error = r.key();
		}
		model.addAttribute("p", view);
		model.addAttribute("url", "/journal/" + classId + "/" + subjectId + "/period-mark");
		model.addAttribute("periodId", period);
		model.addAttribute("groupId", group);
		model.addAttribute("error", error);
		model.addAttribute("typed", v);
		return "gradebook/period-cell";
	}

	/** The year of a journal: period marks, the annual mark and, in grades 9 and 11, the final mark. */
	@GetMapping("/{classId}/{subjectId}/year")
	String year(Actor actor, @PathVariable long classId, @PathVariable long subjectId,
			@RequestParam(required = false) @Nullable Long group, Model model) {
		model.addAttribute("grid", year.grid(actor, classId, subjectId, group));
		return "gradebook/year";
	}

	@PostMapping("/{classId}/{subjectId}/year-mark")
	String yearMark(Actor actor, @PathVariable long classId, @PathVariable long subjectId,
			@RequestParam(required = false) @Nullable Long group, @RequestParam String kind, @RequestParam long student,
			@RequestParam(defaultValue = "0") int n, @RequestParam(defaultValue = "") String v,
			@RequestParam(required = false) @Nullable String why, Model model) {
		Kind k;
		try {
			k = Kind.valueOf(kind);
		}
		catch (IllegalArgumentException e) {
			throw new NotFound();
		}
		YearView view;
		Refusal error = null;
		try {
			view = year.set(actor, classId, subjectId, group, k, student, n, v, why);
		}
		catch (Refusal r) {
			error = r;
			var row = year.grid(actor, classId, subjectId, group).rows().stream()
				.filter(x -> x.pupil().id() == student).findFirst().orElse(null);
			view = row == null ? null : k == Kind.ANNUAL ? row.annual() : row.fin();
			if (view == null) {
				model.addAttribute("message", r.key());
				model.addAttribute("args", r.args());
				return "gradebook/refusal";
			}
		}
		model.addAttribute("y", view);
		model.addAttribute("url", "/journal/" + classId + "/" + subjectId + "/year-mark");
		model.addAttribute("groupId", group);
		model.addAttribute("error", error == null ? null : error.key());
		model.addAttribute("errorArgs", error == null ? new Object[0] : error.args());
		model.addAttribute("typed", error == null ? null : v);
		return "gradebook/year-cell";
	}

	private static String limit(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}
}
