package ru.eschool.notification.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import com.interaso.webpush.WebPushService;

import ru.eschool.notification.internal.Deliveries.Due;
import ru.eschool.notification.internal.Preferences.Preference;

/**
 * Web push with VAPID (com.interaso:webpush): an encrypted JSON payload (title, body, link) to
 * each browser the person subscribed; a subscription the push service answers 404 or 410 for is
 * deleted. Sent when at least one browser took it; retried when none did but some may later.
 */
@Component
class PushSender implements Sender {

	private final NotificationProperties.Push push;
	private final PushSubscriptions subscriptions;
	private volatile @Nullable WebPushService service;

	PushSender(NotificationProperties props, PushSubscriptions subscriptions) {
		this.push = props.push();
		this.subscriptions = subscriptions;
	}

	@Override
	public Channel channel() {
		return Channel.PUSH;
	}

	@Override
	public boolean on() {
		return push.on();
	}

	/** The public key browsers subscribe with (base64url, uncompressed point), or null when push is off. */
	public @Nullable String publicKey() {
		return on() ? push.publicKey() : null;
	}

	@Override
	public @Nullable String send(List<Due> items, Preference to) throws Exception {
		Due d = items.get(0);
		String payload = "{\"title\":" + json(Texts.title(d.kind(), to.locale())) + ",\"body\":"
				+ json(Texts.line(d.text(), to.locale())) + ",\"url\":" + json(d.link() == null ? "/notifications" : d.link())
				+ "}";
		List<PushSubscriptions.Subscription> subs = subscriptions.of(d.accountId());
		if (subs.isEmpty()) {
			throw new Permanent("no push subscription");
		}
		int taken = 0;
		Exception last = null;
		for (var s : subs) {
			try {
				WebPush.SubscriptionState state = service().send(payload, s.endpoint(), s.p256dh(), s.auth(), 24 * 3600, null,
						d.urgent() ? WebPush.Urgency.High : WebPush.Urgency.Normal);
				if (state == WebPush.SubscriptionState.EXPIRED) {
					subscriptions.remove(s.id());
				}
				else {
					taken++;
				}
			}
			catch (Exception e) {
				last = e;
			}
		}
		if (taken > 0) {
			return null;
		}
		if (last != null) {
			throw last;
		}
		throw new Permanent("every push subscription has expired");
	}

	private WebPushService service() {
		WebPushService s = service;
		if (s == null) {
			s = new WebPushService(push.subject(), VapidKeys.fromUncompressedBytes(push.publicKey(), push.privateKey()));
			service = s;
		}
		return s;
	}

	static String json(String s) {
		StringBuilder sb = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				default -> {
					if (c < 0x20) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.append('"').toString();
	}
}
