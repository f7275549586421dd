package ru.eschool.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.notification.internal.Deliveries;
import ru.eschool.shared.Db;

/**
 * Two nodes claiming at the same time take disjoint rows ({@code for update skip locked}, on H2 and
 * PostgreSQL alike), a person's later delivery waits for the earlier one, and a row whose lease ran
 * out is claimed again. The rows are due in 2100, so the running dispatcher never touches them.
 */
@EschoolTest
class NotificationClaimTests {

	static final Instant FUTURE = Instant.parse("2100-01-01T00:00:00Z");

	@Autowired JdbcClient db;
	@Autowired Deliveries deliveries;
	@Autowired TransactionTemplate tx;

	private List<Long> queue(long account, int n) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			long item = Db.insert(db.sql("""
					insert into notification_item (source_key, account_id, kind, args, link, urgent, created_at)
					values (:k, :a, 'MARK', 'notification.text.mark', '', false, :t)""")
				.param("k", "claim-test:" + TestData.next()).param("a", account).param("t", Db.utc(Instant.now())));
			ids.add(Db.insert(db.sql("""
					insert into notification_delivery (item_id, account_id, channel, status, attempts, next_attempt_at, created_at)
					values (:i, :a, 'SMS', 'QUEUED', 0, :due, :t)""")
				.param("i", item).param("a", account).param("due", Db.utc(FUTURE)).param("t", Db.utc(Instant.now()))));
		}
		return ids;
	}

	@Test
	void twoNodesClaimingAtOnceTakeDisjointRows() throws Exception {
		long base = 7_000_000_000L + Math.abs((long) TestData.next()) * 1000L;
		Set<Long> all = new HashSet<>();
		for (int a = 0; a < 40; a++) {
			all.addAll(queue(base + a, 1));
		}
		CountDownLatch firstClaimed = new CountDownLatch(1);
		CountDownLatch secondDone = new CountDownLatch(1);
		CompletableFuture<List<Long>> first = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
			List<Long> mine = ids(deliveries.claim(FUTURE, 25, FUTURE.plusSeconds(60)));
			firstClaimed.countDown();
			await(secondDone);
			return mine;
		}));
		assertThat(firstClaimed.await(20, TimeUnit.SECONDS)).isTrue();
		List<Long> second = tx.execute(s -> ids(deliveries.claim(FUTURE, 100, FUTURE.plusSeconds(60))));
		secondDone.countDown();
		List<Long> firstIds = first.get(20, TimeUnit.SECONDS);
		Set<Long> mineOfTest = new HashSet<>(all);
		List<Long> firstOurs = firstIds.stream().filter(mineOfTest::contains).toList();
		List<Long> secondOurs = second.stream().filter(mineOfTest::contains).toList();
		assertThat(firstOurs).doesNotContainAnyElementsOf(secondOurs);
		assertThat(firstOurs.size() + secondOurs.size()).isEqualTo(40);
		done(all);
	}

	/** Leaves nothing due behind in a shared (PostgreSQL) test database. */
	private void done(java.util.Collection<Long> ids) {
		db.sql("update notification_delivery set status = 'SENT' where id in (:ids)").param("ids", ids).update();
	}

	@Test
	void aPersonsLaterDeliveryWaitsForTheEarlierAndAnExpiredLeaseIsClaimedAgain() {
		long account = 6_000_000_000L + Math.abs((long) TestData.next());
		List<Long> ids = queue(account, 3);
		List<Long> claimed = ids(deliveries.claim(FUTURE, 100, FUTURE.plusSeconds(60)));
		assertThat(claimed).contains(ids.get(0)).doesNotContain(ids.get(1), ids.get(2));
		assertThat(ids(deliveries.claim(FUTURE, 100, FUTURE.plusSeconds(60)))).doesNotContain(ids.get(0), ids.get(1));
		// the claiming node died: after its lease the row is claimed again, still before the later ones
		assertThat(ids(deliveries.claim(FUTURE.plus(Duration.ofMinutes(5)), 100, FUTURE.plus(Duration.ofMinutes(7)))))
			.contains(ids.get(0)).doesNotContain(ids.get(1));
		deliveries.sent(ids.get(0), "x", FUTURE);
		assertThat(ids(deliveries.claim(FUTURE.plus(Duration.ofMinutes(8)), 100, FUTURE.plus(Duration.ofMinutes(10)))))
			.contains(ids.get(1)).doesNotContain(ids.get(2));
		done(ids);
	}

	private static List<Long> ids(List<Deliveries.Due> due) {
		return due.stream().map(Deliveries.Due::id).toList();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
