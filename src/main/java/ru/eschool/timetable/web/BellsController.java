package ru.eschool.timetable.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.shared.Actor;
import ru.eschool.shared.Role;
import ru.eschool.timetable.internal.Bell;
import ru.eschool.timetable.internal.BellRules;
import ru.eschool.timetable.internal.Bells;
import ru.eschool.timetable.internal.Problem;
import ru.eschool.timetable.internal.TemplateEntries;

/**
 * The school's bells: numbered lesson slots of one or two shifts. A school without bells is
 * offered a sensible proposal to save or adjust.
 */
@Controller
@RequestMapping("/admin/bells")
class BellsController {

	private final Bells bells;
	private final TemplateEntries entries;

	BellsController(Bells bells, TemplateEntries entries) {
		this.bells = bells;
		this.entries = entries;
	}

	@GetMapping
	String show(Actor actor, @RequestParam(required = false) Integer shifts, Model model) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		List<Bell> saved = bells.of(inst);
		int savedShifts = saved.stream().mapToInt(Bell::shift).max().orElse(1);
		int wanted = shifts != null && shifts >= 1 && shifts <= BellRules.MAX_SHIFTS ? shifts : savedShifts;
		List<Bell> shown = new ArrayList<>(saved);
		boolean proposal = saved.isEmpty();
		if (proposal) {
			shown = new ArrayList<>(BellRules.proposal(wanted));
		}
		else if (wanted > savedShifts) {
			BellRules.proposal(wanted).stream().filter(b -> b.shift() > savedShifts).forEach(shown::add);
		}
		Map<String, String> values = new HashMap<>();
		for (Bell b : shown) {
			if (b.shift() <= wanted) {
				values.put(BellRules.field(b.shift(), b.number(), true), b.startsAt().toString());
				values.put(BellRules.field(b.shift(), b.number(), false), b.endsAt().toString());
			}
		}
		return page(wanted, values, Map.of(), proposal, model);
	}

	@PostMapping
	String save(Actor actor, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		long inst = actor.require(Role.SCHOOL_ADMIN).institutionId();
		int shifts;
		try {
			shifts = Integer.parseInt(form.getOrDefault("shifts", "1").strip());
		}
		catch (NumberFormatException e) {
			shifts = 0;
		}
		BellRules.Result result = BellRules.check(shifts, form);
		List<Problem> problems = new ArrayList<>(result.problems());
		if (result.ok()) {
			for (Map.Entry<String, Integer> used : entries.usedSlots(inst).entrySet()) {
				String[] slot = used.getKey().split("/");
				int s = Integer.parseInt(slot[0]);
				int n = Integer.parseInt(slot[1]);
				if (result.bells().stream().noneMatch(b -> b.shift() == s && b.number() == n)) {
					problems.add(new Problem("", "timetable.bells.slotInUse", n, s, used.getValue()));
				}
			}
		}
		if (!problems.isEmpty()) {
			return page(Math.max(1, Math.min(shifts, BellRules.MAX_SHIFTS)), form, Problems.messages(problems), false,
					model);
		}
		bells.replace(inst, result.bells());
		redirect.addFlashAttribute("notice", "timetable.bells.saved");
		return "redirect:/admin/bells";
	}

	private String page(int shifts, Map<String, String> values, Map<String, String> errors, boolean proposal,
			Model model) {
		model.addAttribute("shifts", shifts);
		model.addAttribute("slots", BellRules.MAX_SLOTS);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("proposal", proposal);
		return "timetable/bells";
	}
}
