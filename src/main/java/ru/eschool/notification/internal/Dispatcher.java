package ru.eschool.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.springframework.beans.factory.DisposableBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import ru.eschool.notification.internal.Deliveries.Due;
import ru.eschool.notification.internal.Preferences.Preference;

/**
 * Sends what is due, on every node: claims a batch (rows locked with {@code skip locked}, so nodes
 * share the work), holds SMS and push in the recipient's quiet hours and e-mail for the daily
 * digest, sends the rest in id order, and retries a failure with exponential backoff until the
 * last attempt makes it a dead letter.
 */
@Service
public class Dispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final Deliveries deliveries;
	private final Preferences preferences;
	private final NotificationProperties props;
	private final Map<Channel, Sender> senders = new EnumMap<>(Channel.class);
	private final Clock clock;
	private final ExecutorService workers;

	Dispatcher(Deliveries deliveries, Preferences preferences, NotificationProperties props, List<Sender> senders, Clock clock) {
		this.deliveries = deliveries;
		this.preferences = preferences;
		this.props = props;
		this.clock = clock;
		senders.forEach(s -> this.senders.put(s.channel(), s));
		AtomicInteger n = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(Math.max(1, props.dispatch().threads()), r -> {
			Thread t = new Thread(r, "notification-sender-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	/** The outside channels that are configured. */
	public Set<Channel> channelsOn() {
		Set<Channel> on = new HashSet<>();
		senders.values().stream().filter(Sender::on).forEach(s -> on.add(s.channel()));
		return on;
	}

	@Scheduled(fixedDelayString = "${eschool.notification.dispatch.interval}", initialDelayString = "${eschool.notification.dispatch.interval}")
	void poll() {
		try {
			while (runOnce() >= props.dispatch().batch()) {
				// a full batch: more may be due
			}
		}
		catch (RuntimeException e) {
			log.warn("Notification dispatch failed: {}", e.toString());
		}
	}

	/**
	 * One round: claims and handles up to a batch of due deliveries; returns how many were claimed.
	 * Sends run on a few threads, but a person's deliveries over one channel always on one thread,
	 * in id order (the claim takes at most one pending delivery per person and channel anyway).
	 */
	public synchronized int runOnce() {
		Instant now = clock.instant();
		List<Due> batch = deliveries.claim(now, props.dispatch().batch(), now.plus(props.dispatch().lease()));
		if (batch.isEmpty()) {
			return 0;
		}
		Map<Long, Preference> prefs = preferences.of(batch.stream().map(Due::accountId).collect(Collectors.toSet()));
		Map<String, List<Due>> byRecipient = new LinkedHashMap<>();
		Map<Long, List<Due>> digests = new LinkedHashMap<>();
		for (Due d : batch) {
			Preference p = prefs.get(d.accountId());
			boolean overrides = d.urgent() && p.urgentOverrides();
			if (d.channel() != Channel.EMAIL && !overrides && p.quietAt(now)) {
				deliveries.hold(d.id(), p.quietEnd(now));
				continue;
			}
			if (d.channel() == Channel.EMAIL && p.digest() && !overrides) {
				if (d.heldUntil() == null || now.isBefore(d.heldUntil())) {
					deliveries.hold(d.id(), nextDigest(now, p));
				}
				else {
					digests.computeIfAbsent(d.accountId(), k -> new ArrayList<>()).add(d);
				}
				continue;
			}
			byRecipient.computeIfAbsent(d.accountId() + ":" + d.channel(), k -> new ArrayList<>()).add(d);
		}
		List<Callable<Void>> work = new ArrayList<>();
		byRecipient.values().forEach(rows -> work.add(() -> {
			boolean blocked = false;
			for (Due d : rows) {
				if (blocked) {
					deliveries.release(d.id());
				}
				else if (!send(List.of(d), prefs.get(d.accountId()), now)) {
					blocked = true;
				}
			}
			return null;
		}));
		digests.forEach((account, items) -> work.add(() -> {
			send(items, prefs.get(account), now);
			return null;
		}));
		try {
			for (Future<Void> f : workers.invokeAll(work)) {
				f.get();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException e) {
			log.warn("Notification dispatch failed: {}", e.getCause().toString());
		}
		return batch.size();
	}

	@Override
	public void destroy() {
		workers.shutdownNow();
	}

	private boolean send(List<Due> items, Preference p, Instant now) {
		Due first = items.get(0);
		Sender sender = senders.get(first.channel());
		try {
			if (sender == null || !sender.on()) {
				throw new Sender.Permanent("channel off");
			}
			String providerId = sender.send(items, p);
			items.forEach(d -> deliveries.sent(d.id(), providerId, now));
			return true;
		}
		catch (Exception e) {
			for (Due d : items) {
				int attempts = d.attempts() + 1;
				Instant next = e instanceof Sender.Permanent || attempts >= props.dispatch().maxAttempts() ? null
						: now.plus(backoff(attempts));
				deliveries.failed(d.id(), e.getClass().getSimpleName() + ": " + e.getMessage(), next);
			}
			log.debug("Delivery {} over {} failed: {}", first.id(), first.channel(), e.toString());
			return false;
		}
	}

	/** base × 2^(attempts−1), at most maxBackoff. */
	Duration backoff(int attempts) {
		Duration d = props.dispatch().backoff().multipliedBy(1L << Math.min(attempts - 1, 20));
		return d.compareTo(props.dispatch().maxBackoff()) > 0 ? props.dispatch().maxBackoff() : d;
	}

	private Instant nextDigest(Instant now, Preference p) {
		ZonedDateTime local = now.atZone(p.zone());
		ZonedDateTime at = local.toLocalDate().atTime(props.digestAt()).atZone(p.zone());
		return (at.isAfter(local) ? at : at.plusDays(1)).toInstant();
	}
}
