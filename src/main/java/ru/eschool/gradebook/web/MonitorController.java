package ru.eschool.gradebook.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ru.eschool.gradebook.internal.JournalMonitor;
import ru.eschool.shared.Actor;

/** The school admin's journal-keeping monitor. */
@Controller
class MonitorController {

	private final JournalMonitor monitor;

	MonitorController(JournalMonitor monitor) {
		this.monitor = monitor;
	}

	@GetMapping("/admin/journal-monitor")
	String page(Actor actor, Model model) {
		model.addAttribute("m", monitor.of(actor));
		return "gradebook/monitor";
	}
}
