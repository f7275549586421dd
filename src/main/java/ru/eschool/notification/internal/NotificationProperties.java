package ru.eschool.notification.internal;

import java.time.Duration;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code eschool.notification.*}: the dispatcher's pace and each channel's server. A channel whose
 * server is not configured (empty host, empty keys) is off: its deliveries are never created.
 */
@ConfigurationProperties("eschool.notification")
public record NotificationProperties(Dispatch dispatch, LocalTime digestAt, Mail mail, Sms sms, Push push,
		boolean demoServers) {

	/** How often due deliveries are polled, how many per round, attempts before a dead letter, backoff. */
	public record Dispatch(Duration interval, int batch, int maxAttempts, Duration backoff, Duration maxBackoff,
			Duration lease, int threads) {
	}

	public record Mail(@Nullable String host, int port, @Nullable String username, @Nullable String password,
			String from, boolean starttls) {

		public boolean on() {
			return host != null && !host.isBlank();
		}
	}

	public record Sms(@Nullable String host, int port, @Nullable String systemId, @Nullable String password,
			String source, Duration enquireLink, Duration timeout) {

		public boolean on() {
			return host != null && !host.isBlank();
		}
	}

	public record Push(@Nullable String publicKey, @Nullable String privateKey, String subject) {

		public boolean on() {
			return publicKey != null && !publicKey.isBlank() && privateKey != null && !privateKey.isBlank();
		}
	}
}
