package ru.eschool.school.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.school.StudyScheme;
import ru.eschool.school.internal.AcademicCalendar;
import ru.eschool.school.internal.AcademicCalendar.YearDraft;
import ru.eschool.school.internal.Holidays;
import ru.eschool.school.internal.StudyPeriods;
import ru.eschool.school.internal.StudyPeriods.Dates;
import ru.eschool.school.internal.StudyPeriods.Scheme;
import ru.eschool.school.internal.Years;
import ru.eschool.school.internal.Years.Year;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.FormErrors;

/**
 * The academic year page of a school admin: the years, the current one, the study periods of each
 * grade range and the holidays. Years, schemes and holidays of another school are 404.
 */
@Controller
@RequestMapping("/admin/year")
class YearController {

	record YearForm(@NotBlank(message = "{validation.required}") @Size(max = 20, message = "{validation.tooLong}") String name,
			String startsOn, String endsOn, @Nullable String current) {

		static YearForm of(YearDraft d) {
			return new YearForm(d.name(), d.startsOn().toString(), d.endsOn().toString(), null);
		}

		static YearForm of(Year y) {
			return new YearForm(y.name(), y.startsOn().toString(), y.endsOn().toString(), null);
		}

		Map<String, String> values() {
			return Forms.values("name", name, "startsOn", startsOn, "endsOn", endsOn, "current", current);
		}

		boolean makeCurrent() {
			return current != null && !current.isBlank();
		}
	}

	record HolidayForm(@NotBlank(message = "{validation.required}") @Size(max = 120, message = "{validation.tooLong}") String holidayName,
			String holidayFrom, String holidayTo, String holidayGradeFrom, String holidayGradeTo) {

		static final HolidayForm EMPTY = new HolidayForm("", "", "", "1", "11");

		Map<String, String> values() {
			return Forms.values("holidayName", holidayName, "holidayFrom", holidayFrom, "holidayTo", holidayTo,
					"holidayGradeFrom", holidayGradeFrom, "holidayGradeTo", holidayGradeTo);
		}
	}

	/** The fields of a scheme: its type, grade range and up to four periods' dates. */
	record SchemeForm(String scheme, String gradeFrom, String gradeTo, String start1, String end1, String start2,
			String end2, String start3, String end3, String start4, String end4) {

		static SchemeForm of(StudyScheme scheme, int gradeFrom, int gradeTo, List<Dates> dates) {
			String[] d = new String[8];
			for (int i = 0; i < 4; i++) {
				d[2 * i] = i < dates.size() ? dates.get(i).startsOn().toString() : "";
				d[2 * i + 1] = i < dates.size() ? dates.get(i).endsOn().toString() : "";
			}
			return new SchemeForm(scheme.name(), String.valueOf(gradeFrom), String.valueOf(gradeTo), d[0], d[1], d[2],
					d[3], d[4], d[5], d[6], d[7]);
		}

		Map<String, String> values() {
			return Forms.values("scheme", scheme, "gradeFrom", gradeFrom, "gradeTo", gradeTo, "start1", start1, "end1",
					end1, "start2", start2, "end2", end2, "start3", start3, "end3", end3, "start4", start4, "end4", end4);
		}

		String start(int n) {
			return Forms.orEmpty(switch (n) { case 1 -> start1; case 2 -> start2; case 3 -> start3; default -> start4; });
		}

		String end(int n) {
			return Forms.orEmpty(switch (n) { case 1 -> end1; case 2 -> end2; case 3 -> end3; default -> end4; });
		}
	}

	private final Years years;
	private final StudyPeriods periods;
	private final Holidays holidays;
	private final AcademicCalendar calendar;

	YearController(Years years, StudyPeriods periods, Holidays holidays, AcademicCalendar calendar) {
		this.years = years;
		this.periods = periods;
		this.holidays = holidays;
		this.calendar = calendar;
	}

	/** The current year, else the latest; a school with no year yet is asked to create one. */
	@GetMapping
	String current(Actor actor, Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		List<Year> all = years.of(inst);
		Year shown = all.stream().filter(Year::currentYear).findFirst().orElse(all.isEmpty() ? null : all.get(0));
		if (shown == null) {
			model.addAttribute("years", all);
			return "school/structure/year-none";
		}
		return page(inst, shown, model, YearForm.of(shown), HolidayForm.EMPTY, Map.of());
	}

	@GetMapping("/{yearId}")
	String show(Actor actor, @PathVariable long yearId, Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Year year = years.find(inst, yearId).orElseThrow(NotFound::new);
		return page(inst, year, model, YearForm.of(year), HolidayForm.EMPTY, Map.of());
	}

	@PostMapping("/{yearId}")
	String update(Actor actor, @PathVariable long yearId, @Valid @ModelAttribute YearForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Year year = years.find(inst, yearId).orElseThrow(NotFound::new);
		LocalDate from = Forms.date(result, "startsOn", form.startsOn());
		LocalDate to = Forms.date(result, "endsOn", form.endsOn());
		if (from != null && to != null && form.name() != null) {
			Forms.reject(result, calendar.checkYear(inst, year.id(), form.name(), from, to));
		}
		if (result.hasErrors()) {
			return page(inst, year, model, form, HolidayForm.EMPTY, FormErrors.of(result));
		}
		years.update(year.id(), form.name().strip(), from, to);
		redirect.addFlashAttribute("notice", "structure.year.saved");
		return "redirect:/admin/year/" + year.id();
	}

	@PostMapping("/{yearId}/current")
	String makeCurrent(Actor actor, @PathVariable long yearId, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Year year = years.find(inst, yearId).orElseThrow(NotFound::new);
		years.makeCurrent(inst, year.id());
		redirect.addFlashAttribute("notice", "structure.year.madeCurrent");
		return "redirect:/admin/year/" + year.id();
	}

	@GetMapping("/new")
	String newYear(Actor actor, Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		model.addAttribute("form", YearForm.of(calendar.nextYear(inst)).values());
		model.addAttribute("errors", Map.of());
		return "school/structure/year-new";
	}

	@PostMapping("/new")
	String createYear(Actor actor, @Valid @ModelAttribute("form") YearForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		LocalDate from = Forms.date(result, "startsOn", form.startsOn());
		LocalDate to = Forms.date(result, "endsOn", form.endsOn());
		if (from != null && to != null && form.name() != null) {
			Forms.reject(result, calendar.checkYear(inst, null, form.name(), from, to));
		}
		if (result.hasErrors()) {
			model.addAttribute("form", form.values());
			model.addAttribute("errors", FormErrors.of(result));
			return "school/structure/year-new";
		}
		boolean first = years.of(inst).isEmpty();
		long id = calendar.createYear(inst, form.name(), from, to, first || form.makeCurrent());
		redirect.addFlashAttribute("notice", "structure.year.created");
		return "redirect:/admin/year/" + id;
	}

	@GetMapping("/{yearId}/schemes/new")
	String newScheme(Actor actor, @PathVariable long yearId, @RequestParam(defaultValue = "QUARTER") String scheme,
			@RequestParam(defaultValue = "1") String gradeFrom, @RequestParam(defaultValue = "11") String gradeTo,
			Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Year year = years.find(inst, yearId).orElseThrow(NotFound::new);
		StudyScheme type = scheme(scheme);
		SchemeForm form = SchemeForm.of(type, 1, 11, calendar.defaultDates(type, year));
		form = new SchemeForm(form.scheme(), gradeFrom, gradeTo, form.start1(), form.end1(), form.start2(), form.end2(),
				form.start3(), form.end3(), form.start4(), form.end4());
		return schemePage(year, type, null, form, Map.of(), model);
	}

	@PostMapping("/{yearId}/schemes")
	String createScheme(Actor actor, @PathVariable long yearId, @ModelAttribute SchemeForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Year year = years.find(inst, yearId).orElseThrow(NotFound::new);
		StudyScheme type = scheme(form.scheme());
		SchemeInput input = read(form, type, result);
		if (input != null) {
			Forms.reject(result, calendar.checkScheme(year, input.gradeFrom(), input.gradeTo(), input.dates(), null));
		}
		if (result.hasErrors() || input == null) {
			return schemePage(year, type, null, form, FormErrors.of(result), model);
		}
		calendar.createScheme(year, type, input.gradeFrom(), input.gradeTo(), input.dates());
		redirect.addFlashAttribute("notice", "structure.scheme.saved");
		return "redirect:/admin/year/" + year.id();
	}

	@GetMapping("/schemes/{schemeId}")
	String editScheme(Actor actor, @PathVariable long schemeId, Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Scheme scheme = periods.findScheme(inst, schemeId).orElseThrow(NotFound::new);
		Year year = years.find(inst, scheme.periods().get(0).academicYearId()).orElseThrow(NotFound::new);
		List<Dates> dates = scheme.periods().stream().map(p -> new Dates(p.startsOn(), p.endsOn())).toList();
		return schemePage(year, scheme.scheme(), scheme,
				SchemeForm.of(scheme.scheme(), scheme.gradeFrom(), scheme.gradeTo(), dates), Map.of(), model);
	}

	@PostMapping("/schemes/{schemeId}")
	String updateScheme(Actor actor, @PathVariable long schemeId, @ModelAttribute SchemeForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Scheme scheme = periods.findScheme(inst, schemeId).orElseThrow(NotFound::new);
		Year year = years.find(inst, scheme.periods().get(0).academicYearId()).orElseThrow(NotFound::new);
		SchemeInput input = read(form, scheme.scheme(), result);
		if (input != null) {
			Forms.reject(result, calendar.checkScheme(year, input.gradeFrom(), input.gradeTo(), input.dates(), scheme));
		}
		if (result.hasErrors() || input == null) {
			return schemePage(year, scheme.scheme(), scheme, form, FormErrors.of(result), model);
		}
		calendar.updateScheme(scheme, input.gradeFrom(), input.gradeTo(), input.dates());
		redirect.addFlashAttribute("notice", "structure.scheme.saved");
		return "redirect:/admin/year/" + year.id();
	}

	@PostMapping("/schemes/{schemeId}/delete")
	String deleteScheme(Actor actor, @PathVariable long schemeId, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Scheme scheme = periods.findScheme(inst, schemeId).orElseThrow(NotFound::new);
		calendar.deleteScheme(scheme);
		redirect.addFlashAttribute("notice", "structure.scheme.deleted");
		return "redirect:/admin/year/" + scheme.periods().get(0).academicYearId();
	}

	@PostMapping("/{yearId}/holidays")
	String addHoliday(Actor actor, @PathVariable long yearId, @Valid @ModelAttribute HolidayForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Year year = years.find(inst, yearId).orElseThrow(NotFound::new);
		LocalDate from = Forms.date(result, "holidayFrom", form.holidayFrom());
		LocalDate to = Forms.date(result, "holidayTo", form.holidayTo());
		Integer gradeFrom = form.holidayGradeFrom() == null || form.holidayGradeFrom().isBlank() ? Integer.valueOf(1)
				: Forms.number(result, "holidayGradeFrom", form.holidayGradeFrom());
		Integer gradeTo = form.holidayGradeTo() == null || form.holidayGradeTo().isBlank() ? Integer.valueOf(11)
				: Forms.number(result, "holidayGradeTo", form.holidayGradeTo());
		if (from != null && to != null && gradeFrom != null && gradeTo != null) {
			Forms.reject(result, calendar.checkHoliday(year, from, to, gradeFrom, gradeTo));
		}
		if (result.hasErrors()) {
			return page(inst, year, model, YearForm.of(year), form, FormErrors.of(result));
		}
		holidays.add(year.id(), form.holidayName(), from, to, gradeFrom, gradeTo);
		redirect.addFlashAttribute("notice", "structure.holiday.added");
		return "redirect:/admin/year/" + year.id();
	}

	@PostMapping("/holidays/{holidayId}/delete")
	String deleteHoliday(Actor actor, @PathVariable long holidayId, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Holidays.Holiday holiday = calendar.findHoliday(inst, holidayId).orElseThrow(NotFound::new);
		holidays.delete(holiday.id());
		redirect.addFlashAttribute("notice", "structure.holiday.deleted");
		return "redirect:/admin/year/" + holiday.academicYearId();
	}

	private record SchemeInput(int gradeFrom, int gradeTo, List<Dates> dates) {
	}

	/** The typed grade range and dates, or null when any field is not a number or a date (each rejected). */
	private static @Nullable SchemeInput read(SchemeForm form, StudyScheme type, BindingResult result) {
		Integer from = Forms.number(result, "gradeFrom", form.gradeFrom());
		Integer to = Forms.number(result, "gradeTo", form.gradeTo());
		List<Dates> dates = new ArrayList<>();
		for (int n = 1; n <= type.periods(); n++) {
			LocalDate start = Forms.date(result, "start" + n, form.start(n));
			LocalDate end = Forms.date(result, "end" + n, form.end(n));
			if (start != null && end != null) {
				dates.add(new Dates(start, end));
			}
		}
		return from == null || to == null || dates.size() < type.periods() ? null : new SchemeInput(from, to, dates);
	}

	/** Grades as ranges: [1, 2, 3, 5] becomes "1–3, 5". */
	static String ranges(List<Integer> grades) {
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < grades.size(); i++) {
			int from = grades.get(i);
			while (i + 1 < grades.size() && grades.get(i + 1) == grades.get(i) + 1) {
				i++;
			}
			parts.add(from == grades.get(i) ? String.valueOf(from) : from + "–" + grades.get(i));
		}
		return String.join(", ", parts);
	}

	private static StudyScheme scheme(@Nullable String name) {
		for (StudyScheme s : StudyScheme.values()) {
			if (s.name().equals(name)) {
				return s;
			}
		}
		throw new NotFound();
	}

	private String schemePage(Year year, StudyScheme type, @Nullable Scheme editing, SchemeForm form,
			Map<String, String> errors, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("type", type);
		model.addAttribute("schemeId", editing == null ? null : editing.id());
		model.addAttribute("form", form.values());
		model.addAttribute("errors", errors);
		return "school/structure/scheme";
	}

	private String page(long inst, Year year, Model model, YearForm yearForm, HolidayForm holidayForm,
			Map<String, String> errors) {
		List<Scheme> schemes = periods.schemesOf(year.id());
		List<Integer> uncovered = IntStream.rangeClosed(AcademicCalendar.FIRST_GRADE, AcademicCalendar.LAST_GRADE)
			.filter(g -> schemes.stream().noneMatch(s -> g >= s.gradeFrom() && g <= s.gradeTo())).boxed().toList();
		model.addAttribute("years", years.of(inst));
		model.addAttribute("year", year);
		model.addAttribute("schemes", schemes);
		model.addAttribute("uncovered", uncovered);
		model.addAttribute("uncoveredText", ranges(uncovered));
		model.addAttribute("holidays", holidays.ofYear(year.id()));
		model.addAttribute("yearForm", yearForm.values());
		model.addAttribute("holidayForm", holidayForm.values());
		model.addAttribute("errors", errors);
		return "school/structure/year";
	}
}
