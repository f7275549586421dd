package ru.eschool.diary.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import ru.eschool.diary.FamilyDiary;
import ru.eschool.gradebook.Remarks;
import ru.eschool.school.SchoolRoster;
import ru.eschool.school.SchoolRoster.StudentSummary;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;

/**
 * The diary's week page, Monday to Saturday: a student's own, or a guardian's child's (the first
 * child at {@code /diary}, another at {@code /diary/{studentId}}). Staff have a journal instead: 403.
 */
@Controller
class DiaryController {

	private final SchoolRoster roster;
	private final FamilyDiary diary;
	private final Clock clock;
	private final Remarks remarks;

	DiaryController(SchoolRoster roster, FamilyDiary diary, Clock clock, Remarks remarks) {
		this.roster = roster;
		this.diary = diary;
		this.clock = clock;
		this.remarks = remarks;
	}

	@GetMapping("/diary")
	String own(Actor actor, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate week,
			Model model) {
		actor.require(Role.STUDENT, Role.GUARDIAN);
		List<StudentSummary> students = roster.ownStudents(actor);
		return week(actor, students, students.isEmpty() ? null : students.get(0), week, model);
	}

	@GetMapping("/diary/{studentId}")
	String child(Actor actor, @PathVariable long studentId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate week, Model model) {
		actor.require(Role.STUDENT, Role.GUARDIAN);
		List<StudentSummary> students = roster.ownStudents(actor);
		StudentSummary chosen = students.stream().filter(s -> s.id() == studentId).findFirst().orElseThrow(NotFound::new);
		return week(actor, students, chosen, week, model);
	}

	private String week(Actor actor, List<StudentSummary> students, @Nullable StudentSummary chosen,
			@Nullable LocalDate week, Model model) {
		LocalDate today = LocalDate.now(clock);
		LocalDate monday = (week == null ? today : week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		model.addAttribute("students", students);
		model.addAttribute("student", chosen);
		model.addAttribute("monday", monday);
		model.addAttribute("isStudent", actor.is(Role.STUDENT));
		model.addAttribute("days", chosen == null ? List.of()
				: diary.days(List.of(chosen), monday, monday.plusDays(5), today).get(chosen.id()));
		// the week's remarks and praise: one statement, the student already scoped above
		model.addAttribute("remarks", chosen == null ? List.of()
				: remarks.of(List.of(chosen.id()), monday, monday.plusDays(6)));
		return "diary/week";
	}
}
