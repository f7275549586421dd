package ru.eschool.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import ru.eschool.diary.FamilyDiary;
import ru.eschool.school.SchoolRoster;
import ru.eschool.shared.Actor;
import ru.eschool.shared.Role;

/** The home page of each role, and a guardian's page of one child. */
@Controller
class HomeController {

	private final SchoolRoster roster;
	private final FamilyDiary diary;
	private final java.time.Clock clock;

	HomeController(SchoolRoster roster, FamilyDiary diary, java.time.Clock clock) {
		this.roster = roster;
		this.diary = diary;
		this.clock = clock;
	}

	@GetMapping("/")
	String home(Actor actor, Model model) {
		model.addAttribute("actor", actor);
		return switch (actor.role()) {
			case GUARDIAN, STUDENT -> {
				var students = roster.ownStudents(actor);
				var today = java.time.LocalDate.now(clock);
				model.addAttribute("students", students);
				// today's lessons and homework of every child: a fixed number of statements (FamilyDiary)
				model.addAttribute("today", diary.days(students, today, today, today));
				yield "portal/home-family";
			}
			case TEACHER -> {
				model.addAttribute("classes", roster.classesOf(actor));
				yield "portal/home-teacher";
			}
			case SCHOOL_ADMIN -> {
				model.addAttribute("figures", roster.figures(actor.institutionId()));
				yield "portal/home-admin";
			}
			case REGION_ADMIN -> "redirect:/region";
		};
	}

	@GetMapping("/students/{id}")
	String student(Actor actor, @PathVariable long id, Model model) {
		actor.require(Role.GUARDIAN, Role.STUDENT, Role.TEACHER, Role.SCHOOL_ADMIN);
		model.addAttribute("student", roster.student(actor, id));
		return "portal/student";
	}
}
