package ru.eschool.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Small helpers for JdbcClient that work the same on H2 and PostgreSQL. */
public final class Db {

	private Db() {
	}

	/** Runs an insert and returns the generated {@code id}. */
	public static long insert(StatementSpec insert) {
		KeyHolder keys = new GeneratedKeyHolder();
		insert.update(keys, "id");
		Number key = keys.getKey();
		if (key == null) {
			throw new IllegalStateException("no id generated");
		}
		return key.longValue();
	}

	/** Timestamps are stored as UTC {@code timestamp with time zone}. */
	public static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
