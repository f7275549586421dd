package ru.eschool.school.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.school.PersonName;
import ru.eschool.school.internal.ClassGroups;
import ru.eschool.school.internal.Classes;
import ru.eschool.school.internal.Classes.ClassRow;
import ru.eschool.school.internal.StaffMembers;
import ru.eschool.school.internal.StaffMembers.Position;
import ru.eschool.school.internal.StaffMembers.Staff;
import ru.eschool.school.internal.Subjects;
import ru.eschool.school.internal.TeachingAssignments;
import ru.eschool.school.internal.TeachingAssignments.Assignment;
import ru.eschool.school.internal.TeachingLoad;
import ru.eschool.school.internal.Years;
import ru.eschool.school.internal.Years.Year;
import ru.eschool.shared.Actor;
import ru.eschool.shared.Contacts;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.FormErrors;
import ru.eschool.shared.web.I18n;

/**
 * The school's staff: the list with the subjects each teaches, a staff member's card with their
 * teaching assignments, creating, editing and deactivating (the record stays, for history).
 */
@Controller
@RequestMapping("/admin/staff")
class StaffController {

	record StaffForm(@NotBlank(message = "{validation.required}") @Size(max = 80, message = "{validation.tooLong}") String lastName,
			@NotBlank(message = "{validation.required}") @Size(max = 80, message = "{validation.tooLong}") String firstName,
			@Size(max = 80, message = "{validation.tooLong}") @Nullable String middleName,
			@NotBlank(message = "{validation.required}") String position, @Nullable String email,
			@Nullable String phone) {

		static StaffForm of(Staff s) {
			return new StaffForm(s.name().last(), s.name().first(), s.name().middle(), s.position().name(), s.email(),
					s.phone());
		}

		Map<String, String> values() {
			return Forms.values("lastName", lastName, "firstName", firstName, "middleName", middleName, "position",
					position, "email", email, "phone", phone);
		}
	}

	record AssignmentForm(@NotBlank(message = "{validation.required}") String subjectId,
			@NotBlank(message = "{validation.required}") String classId, @Nullable String groupId) {

		static final AssignmentForm EMPTY = new AssignmentForm("", "", "");

		Map<String, String> values() {
			return Forms.values("subjectId", subjectId, "classId", classId, "groupId", groupId);
		}
	}

	/** What a valid staff form holds. */
	private record StaffInput(PersonName name, Position position, @Nullable String email, @Nullable String phone) {
	}

	private final StaffMembers staff;
	private final TeachingAssignments assignments;
	private final TeachingLoad load;
	private final Subjects subjects;
	private final Years years;
	private final Classes classes;
	private final ClassGroups groups;

	StaffController(StaffMembers staff, TeachingAssignments assignments, TeachingLoad load, Subjects subjects,
			Years years, Classes classes, ClassGroups groups) {
		this.staff = staff;
		this.assignments = assignments;
		this.load = load;
		this.subjects = subjects;
		this.years = years;
		this.classes = classes;
		this.groups = groups;
	}

	@GetMapping
	String list(Actor actor, Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		model.addAttribute("staff", staff.list(inst));
		return "school/structure/staff-list";
	}

	@GetMapping("/new")
	String newStaff(Actor actor, Model model) {
		actor.require(Role.SCHOOL_ADMIN);
		return formPage(null, Forms.values("position", Position.TEACHER.name()), Map.of(), model);
	}

	@PostMapping
	String create(Actor actor, @Valid @ModelAttribute StaffForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		StaffInput in = read(form, result);
		if (in == null) {
			return formPage(null, form.values(), FormErrors.of(result), model);
		}
		long id = staff.create(inst, in.name(), in.position(), in.email(), in.phone());
		redirect.addFlashAttribute("notice", "structure.staff.created");
		return "redirect:/admin/staff/" + id;
	}

	@GetMapping("/{id}")
	String show(Actor actor, @PathVariable long id, Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		return card(inst, member(inst, id), AssignmentForm.EMPTY.values(), Map.of(), model);
	}

	@GetMapping("/{id}/edit")
	String edit(Actor actor, @PathVariable long id, Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Staff member = member(inst, id);
		return formPage(member, StaffForm.of(member).values(), Map.of(), model);
	}

	@PostMapping("/{id}")
	String update(Actor actor, @PathVariable long id, @Valid @ModelAttribute StaffForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Staff member = member(inst, id);
		StaffInput in = read(form, result);
		if (in == null) {
			return formPage(member, form.values(), FormErrors.of(result), model);
		}
		staff.update(member.id(), in.name(), in.position(), in.email(), in.phone());
		redirect.addFlashAttribute("notice", "structure.staff.saved");
		return "redirect:/admin/staff/" + member.id();
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		load.deactivate(member(inst, id));
		redirect.addFlashAttribute("notice", "structure.staff.deactivated");
		return "redirect:/admin/staff/" + id;
	}

	@PostMapping("/{id}/activate")
	String activate(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		staff.setActive(member(inst, id).id(), true);
		redirect.addFlashAttribute("notice", "structure.staff.activated");
		return "redirect:/admin/staff/" + id;
	}

	@PostMapping("/{id}/assignments")
	String assign(Actor actor, @PathVariable long id, @Valid @ModelAttribute AssignmentForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Staff member = member(inst, id);
		Long subjectId = result.hasFieldErrors("subjectId") ? null : Forms.optionalId(result, "subjectId", form.subjectId());
		Long classId = result.hasFieldErrors("classId") ? null : Forms.optionalId(result, "classId", form.classId());
		Long groupId = Forms.optionalId(result, "groupId", form.groupId());
		if (!result.hasErrors() && subjectId != null && classId != null) {
			Forms.reject(result, load.assign(inst, member, subjectId, classId, groupId));
		}
		if (result.hasErrors()) {
			return card(inst, member, form.values(), FormErrors.of(result), model);
		}
		redirect.addFlashAttribute("notice", "structure.assignment.added");
		return "redirect:/admin/staff/" + member.id();
	}

	@PostMapping("/{id}/assignments/{assignmentId}/delete")
	String unassign(Actor actor, @PathVariable long id, @PathVariable long assignmentId, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Staff member = member(inst, id);
		Assignment a = assignments.find(inst, assignmentId).filter(x -> x.staffId() == member.id())
			.orElseThrow(NotFound::new);
		assignments.delete(a.id());
		redirect.addFlashAttribute("notice", "structure.assignment.removed");
		return "redirect:/admin/staff/" + member.id();
	}

	private Staff member(long inst, long id) {
		return staff.find(inst, id).orElseThrow(NotFound::new);
	}

	/** The names, position and contacts as typed, or null with each bad field rejected. */
	private static @Nullable StaffInput read(StaffForm form, BindingResult result) {
		Optional<Position> position = Arrays.stream(Position.values()).filter(p -> p.name().equals(form.position()))
			.findFirst();
		if (position.isEmpty() && !result.hasFieldErrors("position")) {
			result.rejectValue("position", "structure.staff.position.invalid");
		}
		String email = Forms.blankToNull(form.email());
		if (email != null && !Contacts.validEmail(email)) {
			result.rejectValue("email", "validation.email");
		}
		String phone = Forms.blankToNull(form.phone());
		Optional<String> normalised = phone == null ? Optional.empty() : Contacts.phone(phone);
		if (phone != null && normalised.isEmpty()) {
			result.rejectValue("phone", "validation.phone");
		}
		if (result.hasErrors()) {
			return null;
		}
		PersonName name = new PersonName(form.lastName().strip(), form.firstName().strip(),
				Forms.blankToNull(form.middleName()));
		return new StaffInput(name, position.get(), email, normalised.orElse(null));
	}

	private String formPage(@Nullable Staff member, Map<String, String> form, Map<String, String> errors, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("positions", Arrays.stream(Position.values())
			.map(p -> new Choice(p.name(), I18n.t("position." + p.name()))).toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "school/structure/staff-form";
	}

	private String card(long inst, Staff member, Map<String, String> form, Map<String, String> errors, Model model) {
		Optional<Year> year = years.current(inst);
		List<ClassRow> yearClasses = year.map(y -> classes.overview(y.id())).orElse(List.of());
		Map<Long, String> classNames = new java.util.HashMap<>();
		yearClasses.forEach(c -> classNames.put(c.id(), c.name()));
		model.addAttribute("member", member);
		model.addAttribute("assignments", assignments.ofStaff(member.id()));
		model.addAttribute("led", yearClasses.stream().filter(c -> Long.valueOf(member.id()).equals(c.classTeacherId()))
			.map(ClassRow::name).toList());
		model.addAttribute("subjectChoices",
				subjects.of(inst).stream().map(s -> new Choice(String.valueOf(s.id()), s.name())).toList());
		model.addAttribute("classChoices",
				yearClasses.stream().map(c -> new Choice(String.valueOf(c.id()), c.name())).toList());
		model.addAttribute("groupChoices", year.map(y -> groups.ofYear(y.id())).orElse(List.of()).stream()
			.map(g -> new Choice(String.valueOf(g.id()), classNames.get(g.classId()) + " · " + g.name())).toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "school/structure/staff";
	}
}
