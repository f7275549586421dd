package ru.eschool.timetable.web;

import java.time.Clock;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import ru.eschool.school.TeachingDirectory;
import ru.eschool.school.TeachingDirectory.ClassInfo;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.timetable.Lessons;

/**
 * Week pages: a teacher's own week across classes (lessons they teach or stand in for) and a
 * class's week for the school's admin and teachers. Each runs a fixed number of statements.
 */
@Controller
class ScheduleController {

	private final Lessons lessons;
	private final TeachingDirectory directory;
	private final Clock clock;

	ScheduleController(Lessons lessons, TeachingDirectory directory, Clock clock) {
		this.lessons = lessons;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/timetable")
	String mine(Actor actor, @RequestParam(required = false) @Nullable String week, Model model) {
		long staff = actor.require(Role.TEACHER).personId();
		LocalDate today = LocalDate.now(clock);
		LocalDate monday = WeekView.monday(week, today);
		model.addAttribute("week", WeekView.of(monday, today, lessons.ofTeacher(staff, monday, monday.plusDays(5)),
				directory));
		model.addAttribute("me", staff);
		return "timetable/teacher-week";
	}

	@GetMapping("/timetable/classes/{classId}")
	String ofClass(Actor actor, @PathVariable long classId, @RequestParam(required = false) @Nullable String week,
			Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN, Role.TEACHER).institutionId();
		ClassInfo klass = directory.schoolClass(inst, classId).orElseThrow(NotFound::new);
		LocalDate today = LocalDate.now(clock);
		LocalDate monday = WeekView.monday(week, today);
		model.addAttribute("klass", klass);
		model.addAttribute("week", WeekView.of(monday, today, lessons.ofClass(classId, monday, monday.plusDays(5)),
				directory));
		model.addAttribute("admin", actor.is(Role.SCHOOL_ADMIN));
		return "timetable/class-week";
	}
}
