package ru.eschool.gradebook.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.gradebook.Grading.RoundingRule;
import ru.eschool.gradebook.internal.GradingRules;
import ru.eschool.gradebook.internal.GradingRules.Rules;
import ru.eschool.gradebook.internal.Journal;
import ru.eschool.gradebook.internal.WorkTypes;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.I18n;

/**
 * The school admin's grading settings: types of work and their weights, whether a 1 may be given,
 * the rounding thresholds of period-mark proposals, and closing study periods for edits.
 */
@Controller
@RequestMapping("/admin/gradebook")
class SettingsController {

	private final WorkTypes workTypes;
	private final GradingRules rules;
	private final Journal journal;

	SettingsController(WorkTypes workTypes, GradingRules rules, Journal journal) {
		this.workTypes = workTypes;
		this.rules = rules;
		this.journal = journal;
	}

	@GetMapping
	String page(Actor actor, Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Rules r = rules.of(inst);
		return render(actor, Map.of("five", show(r.rounding().five()), "four", show(r.rounding().four()), "three",
				show(r.rounding().three()), "allowOne", r.allowOne() ? "on" : ""), Map.of(), model);
	}

	private String render(Actor actor, Map<String, String> form, Map<String, String> errors, Model model) {
		long inst = actor.institutionId();
		var periods = journal.periodsOf(actor);
		model.addAttribute("types", workTypes.of(inst));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("periods", periods);
		model.addAttribute("closed", journal.closedOf(periods));
		return "gradebook/settings";
	}

	@PostMapping("/rules")
	String saveRules(Actor actor, @RequestParam(defaultValue = "") String five, @RequestParam(defaultValue = "") String four,
			@RequestParam(defaultValue = "") String three, @RequestParam(required = false) @Nullable String allowOne,
			Model model, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		Map<String, String> errors = new HashMap<>();
		Integer f5 = hundredths(five, "five", errors);
		Integer f4 = hundredths(four, "four", errors);
		Integer f3 = hundredths(three, "three", errors);
		if (errors.isEmpty() && !RoundingRule.valid(f5, f4, f3)) {
			errors.put("five", I18n.t("gradebook.settings.thresholds.order"));
		}
		boolean one = allowOne != null && !allowOne.isBlank();
		if (!errors.isEmpty()) {
			return render(actor, Map.of("five", five, "four", four, "three", three, "allowOne", one ? "on" : ""), errors, model);
		}
		rules.save(inst, new Rules(one, new RoundingRule(f5, f4, f3)));
		redirect.addFlashAttribute("notice", "gradebook.settings.saved");
		return "redirect:/admin/gradebook";
	}

	@PostMapping("/types")
	String addType(Actor actor, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "0") String weight,
			Model model, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		workTypes.of(inst);
		String error = checkType(inst, name, weight, 0);
		if (error != null) {
			redirect.addFlashAttribute("typeError", error);
			return "redirect:/admin/gradebook";
		}
		workTypes.add(inst, name, Integer.parseInt(weight.strip()));
		redirect.addFlashAttribute("notice", "gradebook.settings.typeSaved");
		return "redirect:/admin/gradebook";
	}

	@PostMapping("/types/{id}")
	String updateType(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "0") String weight, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		if (workTypes.of(inst).stream().noneMatch(t -> t.id() == id)) {
			throw new NotFound();
		}
		String error = checkType(inst, name, weight, id);
		if (error != null) {
			redirect.addFlashAttribute("typeError", error);
			return "redirect:/admin/gradebook";
		}
		workTypes.update(inst, id, name, Integer.parseInt(weight.strip()));
		redirect.addFlashAttribute("notice", "gradebook.settings.typeSaved");
		return "redirect:/admin/gradebook";
	}

	@PostMapping("/periods/{id}/{action:close|reopen}")
	String close(Actor actor, @PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
		journal.close(actor, id, action.equals("close"));
		redirect.addFlashAttribute("notice", action.equals("close") ? "gradebook.period.closedNotice" : "gradebook.period.reopenedNotice");
		return "redirect:/admin/gradebook";
	}

	private @Nullable String checkType(long inst, String name, String weight, long exceptId) {
		if (name.isBlank() || name.strip().length() > 80) {
			return "gradebook.settings.type.name";
		}
		int w;
		try {
			w = Integer.parseInt(weight.strip());
		}
		catch (NumberFormatException e) {
			return "gradebook.settings.type.weight";
		}
		if (w < 1 || w > 5) {
			return "gradebook.settings.type.weight";
		}
		if (workTypes.nameTaken(inst, name, exceptId)) {
			return "gradebook.settings.type.taken";
		}
		return null;
	}

	/** "4,5" or "4.50" as 450; a message in errors otherwise. */
	static @Nullable Integer hundredths(String typed, String field, Map<String, String> errors) {
		try {
			BigDecimal v = new BigDecimal(typed.strip().replace(',', '.'));
			if (v.scale() > 2 || v.compareTo(BigDecimal.ONE) < 0 || v.compareTo(BigDecimal.valueOf(5)) > 0) {
				errors.put(field, I18n.t("gradebook.settings.thresholds.range"));
				return null;
			}
			return v.movePointRight(2).intValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			errors.put(field, I18n.t("gradebook.settings.thresholds.range"));
			return null;
		}
	}

	static String show(int hundredths) {
		return BigDecimal.valueOf(hundredths, 2).toPlainString();
	}
}
