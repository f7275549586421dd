package ru.eschool.notification.web;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.notification.internal.Channel;
import ru.eschool.notification.internal.Dispatcher;
import ru.eschool.notification.internal.Kind;
import ru.eschool.notification.internal.Preferences;
import ru.eschool.notification.internal.Preferences.Preference;
import ru.eschool.notification.internal.PushSubscriptions;
import ru.eschool.shared.Actor;
import ru.eschool.shared.Contacts;
import ru.eschool.shared.web.I18n;

/**
 * A person's notification preferences: which kinds of event reach them through which outside
 * channel, their e-mail and phone (checked here, refused when invalid), quiet hours in their time
 * zone, a daily digest, and whether a school's urgent announcement may break the quiet hours.
 */
@Controller
public class PreferencesController {

	/** What the page shows: the form's values as typed, and which channels are configured. */
	public record Form(String email, String phone, String lang, String zone, String quietFrom, String quietTo, boolean digest,
			boolean urgentOverrides, Map<Kind, Set<Channel>> choices) {

		public boolean chose(Kind k, Channel c) {
			return choices.getOrDefault(k, Set.of()).contains(c);
		}

		static Form of(Preference p) {
			return new Form(p.email() == null ? "" : p.email(), p.phone() == null ? "" : p.phone(), p.lang(), p.zone().getId(),
					p.quietFrom().toString(), p.quietTo().toString(), p.digest(), p.urgentOverrides(), p.choices());
		}
	}

	/** A browser's push subscription as the Push API gives it. */
	record PushSubscription(String endpoint, Keys keys) {

		record Keys(String p256dh, String auth) {
		}
	}

	private final Preferences preferences;
	private final PushSubscriptions subscriptions;
	private final Dispatcher dispatcher;
	private final Clock clock;
	private final @Nullable String pushKey;

	PreferencesController(Preferences preferences, PushSubscriptions subscriptions, Dispatcher dispatcher, Clock clock,
			ru.eschool.notification.internal.NotificationProperties props) {
		this.preferences = preferences;
		this.subscriptions = subscriptions;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.pushKey = props.push().on() ? props.push().publicKey() : null;
	}

	@GetMapping("/notifications/settings")
	String page(Actor actor, Model model) {
		return render(actor, Form.of(preferences.of(actor.accountId())), Map.of(), model);
	}

	@PostMapping("/notifications/settings")
	String save(Actor actor, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		String email = params.getOrDefault("email", "").strip();
		String phoneTyped = params.getOrDefault("phone", "").strip();
		String lang = "en".equals(params.get("messageLang")) ? "en" : "ru";
		String zone = params.getOrDefault("zone", Preferences.DEFAULT_ZONE.getId()).strip();
		String from = params.getOrDefault("quietFrom", "").strip();
		String to = params.getOrDefault("quietTo", "").strip();
		boolean digest = params.containsKey("digest");
		boolean urgent = params.containsKey("urgentOverrides");
		Map<Kind, Set<Channel>> choices = new EnumMap<>(Kind.class);
		for (Kind k : Kind.values()) {
			Set<Channel> set = EnumSet.noneOf(Channel.class);
			for (Channel c : Channel.values()) {
				if (params.containsKey("c-" + k.name() + "-" + c.name())) {
					set.add(c);
				}
			}
			choices.put(k, set);
		}
		Form form = new Form(email, phoneTyped, lang, zone, from, to, digest, urgent, choices);
		if (!email.isEmpty() && !Contacts.validEmail(email)) {
			errors.put("email", I18n.t("notification.settings.email.invalid"));
		}
		Optional<String> phone = phoneTyped.isEmpty() ? Optional.empty() : Contacts.phone(phoneTyped);
		if (!phoneTyped.isEmpty() && phone.isEmpty()) {
			errors.put("phone", I18n.t("notification.settings.phone.invalid"));
		}
		ZoneId zoneId = null;
		try {
			zoneId = ZoneId.of(zone);
		}
		catch (RuntimeException e) {
			errors.put("zone", I18n.t("notification.settings.zone.invalid"));
		}
		LocalTime quietFrom = time(from);
		LocalTime quietTo = time(to);
		if (quietFrom == null) {
			errors.put("quietFrom", I18n.t("notification.settings.time.invalid"));
		}
		if (quietTo == null) {
			errors.put("quietTo", I18n.t("notification.settings.time.invalid"));
		}
		boolean wantsEmail = choices.values().stream().anyMatch(s -> s.contains(Channel.EMAIL));
		boolean wantsSms = choices.values().stream().anyMatch(s -> s.contains(Channel.SMS));
		if (wantsEmail && email.isEmpty()) {
			errors.put("email", I18n.t("notification.settings.email.needed"));
		}
		if (wantsSms && phoneTyped.isEmpty()) {
			errors.put("phone", I18n.t("notification.settings.phone.needed"));
		}
		if (!errors.isEmpty()) {
			return render(actor, form, errors, model);
		}
		preferences.save(actor.accountId(), new Preference(email.isEmpty() ? null : email, phone.orElse(null), lang, zoneId,
				quietFrom, quietTo, digest, urgent, choices), clock.instant());
		redirect.addFlashAttribute("notice", "notification.settings.saved");
		return "redirect:/notifications/settings";
	}

	@PostMapping("/notifications/push")
	@ResponseBody
	ResponseEntity<Void> subscribe(Actor actor, @RequestBody PushSubscription s) {
		if (pushKey == null || s.endpoint() == null || !s.endpoint().startsWith("https://") || s.endpoint().length() > 1000
				|| s.keys() == null || s.keys().p256dh() == null || s.keys().auth() == null
				|| s.keys().p256dh().length() > 200 || s.keys().auth().length() > 100) {
			return ResponseEntity.badRequest().build();
		}
		subscriptions.save(actor.accountId(), s.endpoint(), s.keys().p256dh(), s.keys().auth(), clock.instant());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/notifications/push/off")
	String unsubscribe(Actor actor, RedirectAttributes redirect) {
		subscriptions.removeAll(actor.accountId());
		redirect.addFlashAttribute("notice", "notification.settings.push.removed");
		return "redirect:/notifications/settings";
	}

	private static @Nullable LocalTime time(String s) {
		try {
			return LocalTime.parse(s);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private String render(Actor actor, Form form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("channelsOn", dispatcher.channelsOn());
		model.addAttribute("pushKey", pushKey);
		model.addAttribute("pushDevices", subscriptions.count(actor.accountId()));
		return "notification/settings";
	}
}
