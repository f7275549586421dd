package ru.eschool.notification.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.shared.Db;

/** Each account's choices: contacts, which kinds go through which channel, quiet hours, digest. */
@Repository
public class Preferences {

	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Vladivostok");
	public static final LocalTime QUIET_FROM = LocalTime.of(21, 0);
	public static final LocalTime QUIET_TO = LocalTime.of(8, 0);

	/** An account's preferences; {@code choices} maps each kind to the outside channels chosen for it. */
	public record Preference(@Nullable String email, @Nullable String phone, String lang, ZoneId zone, LocalTime quietFrom,
			LocalTime quietTo, boolean digest, boolean urgentOverrides, Map<Kind, Set<Channel>> choices) {

		public static Preference defaults() {
			Map<Kind, Set<Channel>> none = new EnumMap<>(Kind.class);
			for (Kind k : Kind.values()) {
				none.put(k, EnumSet.noneOf(Channel.class));
			}
			return new Preference(null, null, "ru", DEFAULT_ZONE, QUIET_FROM, QUIET_TO, false, true, none);
		}

		public boolean chose(Kind kind, Channel channel) {
			return choices.getOrDefault(kind, Set.of()).contains(channel);
		}

		/** Whether the instant falls in this person's quiet hours (which may span midnight; equal ends: none). */
		public boolean quietAt(Instant when) {
			if (quietFrom.equals(quietTo)) {
				return false;
			}
			LocalTime t = when.atZone(zone).toLocalTime();
			return quietFrom.isBefore(quietTo) ? !t.isBefore(quietFrom) && t.isBefore(quietTo)
					: !t.isBefore(quietFrom) || t.isBefore(quietTo);
		}

		/** The end of the quiet hours that contain {@code when}. */
		public Instant quietEnd(Instant when) {
			var local = when.atZone(zone);
			var end = local.toLocalDate().atTime(quietTo).atZone(zone);
			if (!end.isAfter(local)) {
				end = end.plusDays(1);
			}
			return end.toInstant();
		}

		/** Whether these were saved (not the defaults of a person who never chose). */
		public boolean updated() {
			return email != null || phone != null || choices.values().stream().anyMatch(c -> !c.isEmpty()) || digest
					|| !"ru".equals(lang) || !QUIET_FROM.equals(quietFrom) || !QUIET_TO.equals(quietTo);
		}

		public java.util.Locale locale() {
			return java.util.Locale.forLanguageTag(lang);
		}
	}

	private final JdbcClient db;

	Preferences(JdbcClient db) {
		this.db = db;
	}

	public Preference of(long accountId) {
		Preference base = db.sql("""
				select email, phone, lang, zone, quiet_from, quiet_to, digest, urgent_overrides
				from notification_preference where account_id = :a""").param("a", accountId)
			.query((rs, n) -> new Preference(rs.getString(1), rs.getString(2), rs.getString(3), ZoneId.of(rs.getString(4)),
					LocalTime.ofSecondOfDay(rs.getInt(5) * 60L), LocalTime.ofSecondOfDay(rs.getInt(6) * 60L), rs.getBoolean(7),
					rs.getBoolean(8), new EnumMap<>(Kind.class)))
			.optional().orElse(null);
		if (base == null) {
			return Preference.defaults();
		}
		Map<Kind, Set<Channel>> choices = base.choices();
		for (Kind k : Kind.values()) {
			choices.put(k, EnumSet.noneOf(Channel.class));
		}
		db.sql("select kind, channel from notification_choice where account_id = :a").param("a", accountId).query(rs -> {
			choices.get(Kind.valueOf(rs.getString(1))).add(Channel.valueOf(rs.getString(2)));
		});
		return base;
	}

	/** The preferences of several accounts: two statements whatever their number. */
	public Map<Long, Preference> of(java.util.Collection<Long> accountIds) {
		Map<Long, Preference> result = new java.util.HashMap<>();
		if (accountIds.isEmpty()) {
			return result;
		}
		db.sql("select account_id, email, phone, lang, zone, quiet_from, quiet_to, digest, urgent_overrides "
				+ "from notification_preference where account_id in (:a)").param("a", accountIds).query(rs -> {
			Map<Kind, Set<Channel>> choices = new EnumMap<>(Kind.class);
			for (Kind k : Kind.values()) {
				choices.put(k, EnumSet.noneOf(Channel.class));
			}
			result.put(rs.getLong(1), new Preference(rs.getString(2), rs.getString(3), rs.getString(4), ZoneId.of(rs.getString(5)),
					LocalTime.ofSecondOfDay(rs.getInt(6) * 60L), LocalTime.ofSecondOfDay(rs.getInt(7) * 60L), rs.getBoolean(8),
					rs.getBoolean(9), choices));
		});
		if (!result.isEmpty()) {
			db.sql("select account_id, kind, channel from notification_choice where account_id in (:a)").param("a", result.keySet())
				.query(rs -> {
					result.get(rs.getLong(1)).choices().get(Kind.valueOf(rs.getString(2))).add(Channel.valueOf(rs.getString(3)));
				});
		}
		for (Long a : accountIds) {
			result.computeIfAbsent(a, k -> Preference.defaults());
		}
		return result;
	}

	@Transactional
	public void save(long accountId, Preference p, Instant now) {
		db.sql("delete from notification_choice where account_id = :a").param("a", accountId).update();
		db.sql("delete from notification_preference where account_id = :a").param("a", accountId).update();
		db.sql("""
				insert into notification_preference (account_id, email, phone, lang, zone, quiet_from, quiet_to, digest,
				  urgent_overrides, updated_at)
				values (:a, :email, :phone, :lang, :zone, :qf, :qt, :digest, :urgent, :now)""")
			.param("a", accountId).param("email", p.email()).param("phone", p.phone()).param("lang", p.lang())
			.param("zone", p.zone().getId()).param("qf", p.quietFrom().toSecondOfDay() / 60)
			.param("qt", p.quietTo().toSecondOfDay() / 60).param("digest", p.digest()).param("urgent", p.urgentOverrides())
			.param("now", Db.utc(now)).update();
		p.choices().forEach((kind, channels) -> channels.forEach(c -> db
			.sql("insert into notification_choice (account_id, kind, channel) values (:a, :k, :c)").param("a", accountId)
			.param("k", kind.name()).param("c", c.name()).update()));
	}
}
