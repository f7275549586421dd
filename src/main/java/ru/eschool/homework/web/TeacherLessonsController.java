package ru.eschool.homework.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.eschool.school.SchoolNames;
import ru.eschool.shared.Actor;
import ru.eschool.shared.Role;
import ru.eschool.timetable.Lesson;
import ru.eschool.timetable.Lessons;

/**
 * A teacher's lessons of a week, each linking to its homework page, until the journal links there
 * itself. A fixed number of statements: lessons, then subject and class names.
 */
@Controller
class TeacherLessonsController {

	private final Lessons lessons;
	private final SchoolNames names;
	private final Clock clock;

	TeacherLessonsController(Lessons lessons, SchoolNames names, Clock clock) {
		this.lessons = lessons;
		this.names = names;
		this.clock = clock;
	}

	@GetMapping("/homework")
	String week(Actor actor, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate week,
			Model model) {
		actor.require(Role.TEACHER);
		LocalDate monday = (week == null ? LocalDate.now(clock) : week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		// the lessons the teacher gives, planned or as a substitute in any class of the school
		List<Lesson> list = lessons.ofTeacher(actor.personId(), monday, monday.plusDays(5)).stream()
			.filter(l -> l.institutionId() == actor.institutionId()).toList();
		Set<Long> subjects = new HashSet<>();
		Set<Long> classes = new HashSet<>();
		list.forEach(l -> {
			subjects.add(l.subjectId());
			classes.add(l.classId());
		});
		model.addAttribute("monday", monday);
		model.addAttribute("lessons", list);
		model.addAttribute("subjects", names.subjects(subjects));
		model.addAttribute("classes", names.classes(classes));
		return "homework/teacher";
	}
}
