package ru.eschool.notification.web;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ru.eschool.notification.internal.DemoServers;
import ru.eschool.shared.Actor;

/** The demo's outbox: what the in-process mail server and SMSC received. Demo profile only. */
@Controller
@Profile("demo")
class DemoOutboxController {

	private final DemoServers servers;

	DemoOutboxController(DemoServers servers) {
		this.servers = servers;
	}

	@GetMapping("/demo/outbox")
	String outbox(Actor actor, Model model) {
		model.addAttribute("mails", servers.mails());
		model.addAttribute("sms", servers.sms());
		return "notification/outbox";
	}
}
