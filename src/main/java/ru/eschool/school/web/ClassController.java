package ru.eschool.school.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.school.internal.AcademicCalendar;
import ru.eschool.school.internal.ClassGroups;
import ru.eschool.school.internal.ClassGroups.Group;
import ru.eschool.school.internal.Classes;
import ru.eschool.school.internal.Classes.ClassRow;
import ru.eschool.school.internal.Classes.Member;
import ru.eschool.school.internal.Classes.SchoolClass;
import ru.eschool.school.internal.StaffMembers;
import ru.eschool.school.internal.StaffMembers.Staff;
import ru.eschool.school.internal.StudentScope;
import ru.eschool.school.internal.TeachingAssignments;
import ru.eschool.school.internal.Years;
import ru.eschool.school.internal.Years.Year;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.FormErrors;
import ru.eschool.shared.web.I18n;

/**
 * The classes of the current year by grade, and a class's page: its class teacher, its current
 * students (read-only), its groups with their members, and who teaches what there.
 */
@Controller
@RequestMapping("/admin/classes")
class ClassController {

	static final Pattern LETTER = Pattern.compile("[А-ЯЁа-яёA-Za-z]{1,3}");

	record ClassForm(@NotBlank(message = "{validation.required}") String grade,
			@NotBlank(message = "{validation.required}") String letter, @Nullable String classTeacherId) {

		static final ClassForm EMPTY = new ClassForm("", "", "");

		Map<String, String> values() {
			return Forms.values("grade", grade, "letter", letter, "classTeacherId", classTeacherId);
		}
	}

	record GroupForm(@NotBlank(message = "{validation.required}") @Size(max = 80, message = "{validation.tooLong}") String groupName) {
	}

	private final Years years;
	private final Classes classes;
	private final ClassGroups groups;
	private final StaffMembers staff;
	private final TeachingAssignments assignments;

	ClassController(Years years, Classes classes, ClassGroups groups, StaffMembers staff,
			TeachingAssignments assignments) {
		this.years = years;
		this.classes = classes;
		this.groups = groups;
		this.staff = staff;
		this.assignments = assignments;
	}

	@GetMapping
	String list(Actor actor, Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		return listPage(inst, ClassForm.EMPTY.values(), Map.of(), model);
	}

	@PostMapping
	String create(Actor actor, @Valid @ModelAttribute ClassForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Year year = years.current(inst).orElse(null);
		if (year == null) {
			result.reject("structure.class.noYear");
		}
		Integer grade = result.hasFieldErrors("grade") ? null : Forms.number(result, "grade", form.grade());
		if (grade != null && (grade < AcademicCalendar.FIRST_GRADE || grade > AcademicCalendar.LAST_GRADE)) {
			result.rejectValue("grade", "structure.class.grade.range");
		}
		String letter = form.letter() == null ? "" : form.letter().strip();
		if (!result.hasFieldErrors("letter") && !LETTER.matcher(letter).matches()) {
			result.rejectValue("letter", "structure.class.letter.format");
		}
		Long teacherId = Forms.optionalId(result, "classTeacherId", form.classTeacherId());
		if (teacherId != null) {
			checkTeacher(inst, teacherId, result, "classTeacherId");
		}
		if (!result.hasErrors() && year != null && grade != null
				&& classes.byName(year.id(), grade, letter).isPresent()) {
			rejectTaken(result, grade, letter, year);
		}
		if (!result.hasErrors() && year != null && grade != null) {
			try {
				long id = classes.create(inst, year.id(), grade, letter, teacherId);
				redirect.addFlashAttribute("notice", "structure.class.created");
				return "redirect:/admin/classes/" + id;
			}
			catch (DuplicateKeyException e) {
				rejectTaken(result, grade, letter, year);
			}
		}
		return listPage(inst, form.values(), FormErrors.of(result), model);
	}

	@GetMapping("/{id}")
	String show(Actor actor, @PathVariable long id, Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		return page(actor, schoolClass(inst, id), Map.of(), "", model);
	}

	@PostMapping("/{id}/teacher")
	String setTeacher(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable String staffId,
			Model model, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		SchoolClass c = schoolClass(inst, id);
		var result = new MapBindingResult(new HashMap<>(), "teacher");
		Long teacherId = Forms.optionalId(result, "staffId", staffId);
		if (teacherId != null) {
			checkTeacher(inst, teacherId, result, "staffId");
		}
		if (result.hasErrors()) {
			return page(actor, c, FormErrors.of(result), "", model);
		}
		classes.setClassTeacher(c.id(), teacherId);
		redirect.addFlashAttribute("notice", "structure.class.teacher.saved");
		return "redirect:/admin/classes/" + c.id();
	}

	@PostMapping("/{id}/groups")
	String createGroup(Actor actor, @PathVariable long id, @Valid @ModelAttribute GroupForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		SchoolClass c = schoolClass(inst, id);
		if (!result.hasErrors() && groups.nameTaken(c.id(), form.groupName(), 0)) {
			result.rejectValue("groupName", "structure.group.taken", new Object[] { form.groupName().strip() }, null);
		}
		if (result.hasErrors()) {
			return page(actor, c, FormErrors.of(result), Forms.orEmpty(form.groupName()), model);
		}
		long groupId = groups.create(c.id(), form.groupName());
		redirect.addFlashAttribute("notice", "structure.group.created");
		return "redirect:/admin/classes/" + c.id() + "/groups/" + groupId;
	}

	@GetMapping("/{id}/groups/{groupId}")
	String group(Actor actor, @PathVariable long id, @PathVariable long groupId, Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		SchoolClass c = schoolClass(inst, id);
		Group g = group(inst, c, groupId);
		return groupPage(actor, c, g, g.name(), Map.of(), model);
	}

	@PostMapping("/{id}/groups/{groupId}")
	String renameGroup(Actor actor, @PathVariable long id, @PathVariable long groupId, @Valid @ModelAttribute GroupForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		SchoolClass c = schoolClass(inst, id);
		Group g = group(inst, c, groupId);
		if (!result.hasErrors() && groups.nameTaken(c.id(), form.groupName(), g.id())) {
			result.rejectValue("groupName", "structure.group.taken", new Object[] { form.groupName().strip() }, null);
		}
		if (result.hasErrors()) {
			return groupPage(actor, c, g, Forms.orEmpty(form.groupName()), FormErrors.of(result), model);
		}
		groups.rename(g.id(), form.groupName());
		redirect.addFlashAttribute("notice", "structure.group.saved");
		return "redirect:/admin/classes/" + c.id() + "/groups/" + g.id();
	}

	@PostMapping("/{id}/groups/{groupId}/members")
	String setMembers(Actor actor, @PathVariable long id, @PathVariable long groupId,
			@RequestParam(name = "studentId", required = false) @Nullable List<Long> studentIds,
			RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		SchoolClass c = schoolClass(inst, id);
		Group g = group(inst, c, groupId);
		Set<Long> chosen = studentIds == null ? Set.of() : new LinkedHashSet<>(studentIds);
		Set<Long> inClass = classes.students(c.id(), StudentScope.of(actor)).stream().map(Member::id)
			.collect(Collectors.toSet());
		if (!inClass.containsAll(chosen)) {
			throw new NotFound();
		}
		groups.setMembers(g.id(), chosen);
		redirect.addFlashAttribute("notice", "structure.group.membersSaved");
		return "redirect:/admin/classes/" + c.id() + "/groups/" + g.id();
	}

	@PostMapping("/{id}/groups/{groupId}/delete")
	String deleteGroup(Actor actor, @PathVariable long id, @PathVariable long groupId, Model model,
			RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		SchoolClass c = schoolClass(inst, id);
		Group g = group(inst, c, groupId);
		if (!groups.isEmpty(g)) {
			return groupPage(actor, c, g, g.name(), Map.of("", I18n.t("structure.group.notEmpty")), model);
		}
		groups.delete(g.id());
		redirect.addFlashAttribute("notice", "structure.group.deleted");
		return "redirect:/admin/classes/" + c.id();
	}

	private SchoolClass schoolClass(long inst, long id) {
		return classes.find(inst, id).orElseThrow(NotFound::new);
	}

	/** A group of this class; a group of another class (or school) is not found. */
	private Group group(long inst, SchoolClass c, long groupId) {
		return groups.find(inst, groupId).filter(g -> g.classId() == c.id()).orElseThrow(NotFound::new);
	}

	/** A class teacher is an active staff member of the school; another school's staff is not found. */
	private void checkTeacher(long inst, long staffId, Errors result, String field) {
		Staff s = staff.find(inst, staffId).orElseThrow(NotFound::new);
		if (!s.active()) {
			result.rejectValue(field, "structure.class.teacher.inactive");
		}
	}

	private static void rejectTaken(BindingResult result, int grade, String letter, Year year) {
		result.rejectValue("letter", "structure.class.taken",
				new Object[] { grade + letter.toUpperCase(Locale.forLanguageTag("ru")), year.name() }, null);
	}

	private List<Choice> teacherChoices(long inst) {
		return staff.active(inst).stream().map(s -> new Choice(String.valueOf(s.id()), s.name().full())).toList();
	}

	private String listPage(long inst, Map<String, String> form, Map<String, String> errors, Model model) {
		Optional<Year> year = years.current(inst);
		Map<Integer, List<ClassRow>> byGrade = new LinkedHashMap<>();
		year.ifPresent(y -> classes.overview(y.id())
			.forEach(c -> byGrade.computeIfAbsent(c.grade(), k -> new ArrayList<>()).add(c)));
		model.addAttribute("year", year.orElse(null));
		model.addAttribute("byGrade", byGrade);
		model.addAttribute("grades", IntStream.rangeClosed(AcademicCalendar.FIRST_GRADE, AcademicCalendar.LAST_GRADE)
			.mapToObj(g -> new Choice(String.valueOf(g), String.valueOf(g))).toList());
		model.addAttribute("teachers", teacherChoices(inst));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "school/structure/classes";
	}

	private String page(Actor actor, SchoolClass c, Map<String, String> errors, String groupName, Model model) {
		long inst = actor.institutionId();
		Map<Long, Set<Long>> members = groups.membersOf(c.id());
		List<Member> students = classes.students(c.id(), StudentScope.of(actor));
		Map<Long, String> names = new HashMap<>();
		students.forEach(s -> names.put(s.id(), s.name().full()));
		List<Group> classGroups = groups.ofClass(c.id());
		Map<Long, String> memberNames = new HashMap<>();
		classGroups.forEach(g -> memberNames.put(g.id(), members.getOrDefault(g.id(), Set.of()).stream()
			.map(names::get).filter(Objects::nonNull).sorted().collect(Collectors.joining(", "))));
		model.addAttribute("schoolClass", c);
		model.addAttribute("yearName", years.find(inst, c.academicYearId()).map(Year::name).orElse(""));
		model.addAttribute("teacher", c.classTeacherId() == null ? null
				: staff.find(inst, c.classTeacherId()).map(s -> s.name().full()).orElse(null));
		model.addAttribute("teachers", teacherChoices(inst));
		model.addAttribute("students", students);
		model.addAttribute("groups", classGroups);
		model.addAttribute("memberNames", memberNames);
		model.addAttribute("assignments", assignments.ofClass(c.id()));
		model.addAttribute("groupName", groupName);
		model.addAttribute("errors", errors);
		return "school/structure/class";
	}

	private String groupPage(Actor actor, SchoolClass c, Group g, String groupName, Map<String, String> errors,
			Model model) {
		model.addAttribute("schoolClass", c);
		model.addAttribute("group", g);
		model.addAttribute("students", classes.students(c.id(), StudentScope.of(actor)));
		model.addAttribute("members", groups.membersOf(c.id()).getOrDefault(g.id(), Set.of()));
		model.addAttribute("groupName", groupName);
		model.addAttribute("errors", errors);
		return "school/structure/group";
	}
}
