package ru.eschool.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.notification.internal.Channel;
import ru.eschool.notification.internal.Kind;
import ru.eschool.notification.internal.Notice;
import ru.eschool.notification.internal.Notifier;
import ru.eschool.notification.internal.PushSubscriptions;
import ru.eschool.shared.Db;

/**
 * Benchmark, not a test of behaviour: an announcement to 1,000 guardians per channel, fanned out
 * with one INSERT ... SELECT and delivered in the background by the dispatcher to the in-process
 * servers (GreenMail, the jsmpp SMSC, an HTTP push service). Prints the figures for
 * docs/benchmarks.md. Runs only when asked:
 * {@code ./mvnw test -Dtest=NotificationFanOutBenchTests -Deschool.bench=true}.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "eschool.bench", matches = "true")
@EschoolTest
class NotificationFanOutBenchTests {

	static final int N = 1000;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		ChannelServers.register(registry);
		registry.add("eschool.notification.dispatch.interval", () -> "20ms");
		registry.add("eschool.notification.dispatch.batch", () -> "200");
	}

	@Autowired JdbcClient db;
	@Autowired Notifier notifier;
	@Autowired PushSubscriptions subscriptions;

	@Test
	void fanOutToAThousandGuardiansPerChannel() throws Exception {
		StringBuilder report = new StringBuilder("\n| channel | notifications | fan-out (INSERT ... SELECT) | delivered in | per second |\n|---|---|---|---|---|\n");
		String[] keys = ChannelServers.browserKeys();
		for (Channel channel : Channel.values()) {
			long base = 8_000_000_000L + Math.abs((long) TestData.next()) * 10_000L;
			List<Long> accounts = LongStream.range(base, base + N).boxed().toList();
			for (long a : accounts) {
				db.sql("""
						insert into notification_preference (account_id, email, phone, lang, zone, quiet_from, quiet_to, digest,
						  urgent_overrides, updated_at) values (:a, :e, :p, 'ru', 'Asia/Vladivostok', 0, 0, false, true, :t)""")
					.param("a", a).param("e", "g" + a + "@example.ru").param("p", "+79" + String.format("%09d", a % 1_000_000_000L))
					.param("t", Db.utc(Instant.now())).update();
				db.sql("insert into notification_choice (account_id, kind, channel) values (:a, 'ANNOUNCEMENT', :c)").param("a", a)
					.param("c", channel.name()).update();
				if (channel == Channel.PUSH) {
					subscriptions.save(a, ChannelServers.pushUrl("bench-" + a), keys[0], keys[1], Instant.now());
				}
			}
			Notice notice = new Notice("bench:" + channel + ":" + base, Kind.ANNOUNCEMENT, null, "notification.text.announcement",
					List.of("Директор школы", "Родительское собрание в четверг в 18:00, актовый зал"), "/messages", false);
			long t0 = System.nanoTime();
			assertThat(notifier.notify(notice, accounts)).isEqualTo(N);
			long fanOut = System.nanoTime() - t0;
			await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() -> db.sql("""
					select count(*) from notification_delivery where account_id between :a and :b and status in ('SENT', 'DELIVERED')""")
				.param("a", base).param("b", base + N).query(Integer.class).single() == N);
			long total = System.nanoTime() - t0;
			report.append(String.format(Locale.ROOT, "| %s | %d | %d ms | %.1f s | %.0f |%n", channel, N, fanOut / 1_000_000,
					total / 1e9, N / (total / 1e9)));
		}
		System.out.println(report);
	}
}
