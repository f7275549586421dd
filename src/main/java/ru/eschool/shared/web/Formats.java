package ru.eschool.shared.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Dates as people in the region read them (dd.MM.yyyy, the region's time zone), for templates:
 * {@code @import static ru.eschool.shared.web.Formats.date}.
 */
@Component
public final class Formats {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
	private static volatile ZoneId zone = ZoneId.of("Asia/Vladivostok");

	Formats(Clock clock) {
		zone = clock.getZone();
	}

	public static String date(Instant instant) {
		return DATE.format(instant.atZone(zone));
	}

	public static String date(LocalDate date) {
		return DATE.format(date);
	}

	public static String dateTime(Instant instant) {
		return DATE_TIME.format(instant.atZone(zone));
	}
}
