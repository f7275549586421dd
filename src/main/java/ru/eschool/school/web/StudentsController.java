package ru.eschool.school.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.school.internal.Classes;
import ru.eschool.school.internal.Classes.SchoolClass;
import ru.eschool.school.internal.Guardians;
import ru.eschool.school.internal.Guardians.LinkedGuardian;
import ru.eschool.school.internal.Guardians.Relation;
import ru.eschool.school.internal.Students;
import ru.eschool.school.internal.Students.Enrolment;
import ru.eschool.school.internal.Students.JoinReason;
import ru.eschool.school.internal.Students.LeaveReason;
import ru.eschool.school.internal.Students.Listed;
import ru.eschool.school.internal.Students.Student;
import ru.eschool.school.internal.Years;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.FormErrors;
import ru.eschool.shared.web.I18n;

/**
 * A school admin's students: the list, enrolling a new one, and the card where a student is
 * edited, moved to another class, leaves, and gets guardians. Every id is looked up within the
 * admin's institution; another school's id is a 404.
 */
@Controller
class StudentsController {

	static final int PAGE = 50;
	static final List<LeaveReason> LEAVE_REASONS = List.of(LeaveReason.TRANSFERRED, LeaveReason.GRADUATED,
			LeaveReason.OTHER);

	private final Students students;
	private final Classes classes;
	private final Years years;
	private final Guardians guardians;
	private final AccountStatuses statuses;
	private final TransactionTemplate tx;
	private final Clock clock;

	StudentsController(Students students, Classes classes, Years years, Guardians guardians, AccountStatuses statuses,
			TransactionTemplate tx, Clock clock) {
		this.students = students;
		this.classes = classes;
		this.years = years;
		this.guardians = guardians;
		this.statuses = statuses;
		this.tx = tx;
		this.clock = clock;
	}

	@GetMapping("/admin/students")
	String list(Actor actor, @RequestParam(required = false) @Nullable Long classId,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page, Model model) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		if (classId != null) {
			classes.find(school, classId).orElseThrow(NotFound::new);
		}
		int p = Math.min(Math.max(page, 0), 10_000); // beyond that the offset would overflow
		List<Listed> rows = students.current(school, classId, q, PAGE, p * PAGE);
		model.addAttribute("students", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
		model.addAttribute("classes", PeopleForms.classes(currentClasses(school)));
		model.addAttribute("classId", classId == null ? "" : classId.toString());
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("page", p);
		model.addAttribute("hasNext", rows.size() > PAGE);
		model.addAttribute("pageLink", "/admin/students?classId=" + (classId == null ? "" : classId) + "&q="
				+ java.net.URLEncoder.encode(q == null ? "" : q, java.nio.charset.StandardCharsets.UTF_8) + "&page=");
		return "school/people/students";
	}

	@GetMapping("/admin/students/new")
	String newStudent(Actor actor, @RequestParam(required = false) @Nullable Long classId, Model model) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		if (classId != null) {
			classes.find(school, classId).orElseThrow(NotFound::new);
		}
		NewStudentForm form = new NewStudentForm("", "", "", "", "", classId == null ? "" : classId.toString(),
				LocalDate.now(clock).toString());
		return newForm(school, form, Map.of(), model);
	}

	@PostMapping("/admin/students")
	String create(Actor actor, @Valid @ModelAttribute("form") NewStudentForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		PeopleForms.Contact contact = PeopleForms.contacts(form.email(), form.phone(), result);
		Long classId = PeopleForms.id(form.classId(), "classId", result);
		LocalDate joinedOn = PeopleForms.date(form.joinedOn(), "joinedOn", result);
		if (classId != null) {
			SchoolClass c = classes.find(school, classId).orElseThrow(NotFound::new);
			if (!isCurrent(school, c)) {
				PeopleForms.reject(result, "classId", "people.class.notCurrent");
			}
		}
		if (result.hasErrors()) {
			return newForm(school, form, FormErrors.of(result), model);
		}
		long id = tx.execute(s -> {
			long student = students.create(school, PeopleForms.name(form.lastName(), form.firstName(), form.middleName()),
					contact.email(), contact.phone());
			students.enrol(student, classId, joinedOn, JoinReason.ENROLLED);
			return student;
		});
		redirect.addFlashAttribute("notice", "people.student.created");
		return "redirect:/admin/students/" + id;
	}

	@GetMapping("/admin/students/{id}")
	String card(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable String gq, Model model) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Student student = students.find(school, id).orElseThrow(NotFound::new);
		model.addAttribute("form", PersonForm.of(student.name(), student.email(), student.phone()));
		model.addAttribute("gq", gq == null ? "" : gq);
		if (gq != null && !gq.isBlank()) {
			model.addAttribute("found", guardians.search(school, gq, 10, 0));
		}
		return card(school, student, Map.of(), model);
	}

	@PostMapping("/admin/students/{id}")
	String edit(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") PersonForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Student student = students.find(school, id).orElseThrow(NotFound::new);
		PeopleForms.Contact contact = PeopleForms.contacts(form.email(), form.phone(), result);
		if (result.hasErrors()) {
			return card(school, student, FormErrors.of(result), model);
		}
		students.rename(school, id, form.name(), contact.email(), contact.phone());
		redirect.addFlashAttribute("notice", "people.saved");
		return "redirect:/admin/students/" + id;
	}

	@PostMapping("/admin/students/{id}/move")
	String move(Actor actor, @PathVariable long id, @Valid @ModelAttribute("move") MoveForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Student student = students.find(school, id).orElseThrow(NotFound::new);
		Optional<Enrolment> stay = students.currentStay(id);
		Long classId = PeopleForms.id(form.classId(), "classId", result);
		LocalDate movedOn = PeopleForms.date(form.movedOn(), "movedOn", result);
		if (classId != null) {
			SchoolClass target = classes.find(school, classId).orElseThrow(NotFound::new);
			if (!isCurrent(school, target)) {
				PeopleForms.reject(result, "classId", "people.class.notCurrent");
			}
			else if (stay.isPresent() && stay.get().classId() == target.id()) {
				PeopleForms.reject(result, "classId", "people.move.sameClass");
			}
		}
		if (movedOn != null && stay.isPresent() && movedOn.isBefore(stay.get().joinedOn())) {
			PeopleForms.reject(result, "movedOn", "people.date.beforeJoined");
		}
		if (result.hasErrors()) {
			model.addAttribute("form", PersonForm.of(student.name(), student.email(), student.phone()));
			return card(school, student, FormErrors.of(result), model);
		}
		tx.executeWithoutResult(s -> {
			if (stay.isPresent()) {
				students.move(id, classId, movedOn);
			}
			else {
				students.enrol(id, classId, movedOn, JoinReason.ENROLLED);
			}
		});
		redirect.addFlashAttribute("notice", stay.isPresent() ? "people.student.moved" : "people.student.enrolled");
		return "redirect:/admin/students/" + id;
	}

	@PostMapping("/admin/students/{id}/leave")
	String leave(Actor actor, @PathVariable long id, @Valid @ModelAttribute("leave") LeaveForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Student student = students.find(school, id).orElseThrow(NotFound::new);
		Optional<Enrolment> stay = students.currentStay(id);
		LeaveReason reason = LEAVE_REASONS.stream().filter(r -> r.name().equals(form.reason())).findFirst().orElse(null);
		LocalDate leftOn = PeopleForms.date(form.leftOn(), "leftOn", result);
		if (form.reason() != null && !form.reason().isBlank() && reason == null) {
			PeopleForms.reject(result, "reason", "people.leave.reason.required");
		}
		if (stay.isEmpty()) {
			result.reject("people.leave.notEnrolled");
		}
		else if (leftOn != null && leftOn.isBefore(stay.get().joinedOn())) {
			PeopleForms.reject(result, "leftOn", "people.date.beforeJoined");
		}
		if (result.hasErrors()) {
			model.addAttribute("form", PersonForm.of(student.name(), student.email(), student.phone()));
			return card(school, student, FormErrors.of(result), model);
		}
		tx.executeWithoutResult(s -> students.leave(id, leftOn, reason));
		redirect.addFlashAttribute("notice", "people.student.left");
		return "redirect:/admin/students/" + id;
	}

	/** Links an existing guardian of the same school to the student. */
	@PostMapping("/admin/students/{id}/guardians")
	String linkGuardian(Actor actor, @PathVariable long id, @RequestParam long guardianId,
			@RequestParam(required = false) @Nullable String relation, RedirectAttributes redirect) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		guardians.linkInSchool(school, guardianId, id, Guardians.relation(relation).orElse(Relation.OTHER));
		redirect.addFlashAttribute("notice", "people.guardian.linked");
		return "redirect:/admin/students/" + id;
	}

	@PostMapping("/admin/students/{id}/guardians/{guardianId}/unlink")
	String unlinkGuardian(Actor actor, @PathVariable long id, @PathVariable long guardianId,
			RedirectAttributes redirect) {
		long school = actor.require(Role.SCHOOL_ADMIN).institutionId();
		guardians.unlinkInSchool(school, guardianId, id);
		redirect.addFlashAttribute("notice", "people.guardian.unlinked");
		return "redirect:/admin/students/" + id;
	}

	private String newForm(long school, NewStudentForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("classes", PeopleForms.classes(currentClasses(school)));
		model.addAttribute("errors", errors);
		return "school/people/student-new";
	}

	private String card(long school, Student student, Map<String, String> errors, Model model) {
		List<Enrolment> history = students.history(student.id());
		Enrolment stay = history.stream().filter(e -> e.leftOn() == null).findFirst().orElse(null);
		List<LinkedGuardian> linked = guardians.ofStudent(student.id());
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("student", student);
		model.addAttribute("stay", stay);
		model.addAttribute("history", history);
		model.addAttribute("guardians", linked);
		model.addAttribute("status", statuses.of(Role.STUDENT, List.of(student.id())).get(student.id()));
		model.addAttribute("guardianStatus",
				statuses.of(Role.GUARDIAN, linked.stream().map(g -> g.guardian().id()).toList()));
		model.addAttribute("classes", PeopleForms.classes(currentClasses(school).stream()
			.filter(c -> stay == null || c.id() != stay.classId()).toList()));
		model.addAttribute("relations", PeopleForms.relations());
		model.addAttribute("reasons", LEAVE_REASONS.stream()
			.map(r -> new Option(r.name(), I18n.t("people.leaveReason." + r.name()))).toList());
		if (!model.containsAttribute("move")) {
			model.addAttribute("move", new MoveForm("", today.toString()));
		}
		if (!model.containsAttribute("leave")) {
			model.addAttribute("leave", new LeaveForm(today.toString(), ""));
		}
		if (!model.containsAttribute("gq")) {
			model.addAttribute("gq", "");
		}
		if (!model.containsAttribute("found")) {
			model.addAttribute("found", List.of());
		}
		model.addAttribute("errors", errors);
		return "school/people/student";
	}

	private List<SchoolClass> currentClasses(long school) {
		return years.current(school).map(y -> classes.ofYear(y.id())).orElse(List.of());
	}

	private boolean isCurrent(long school, SchoolClass c) {
		return years.current(school).map(y -> y.id() == c.academicYearId()).orElse(false);
	}
}
