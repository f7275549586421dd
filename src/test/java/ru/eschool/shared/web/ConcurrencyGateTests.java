package ru.eschool.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The gate lets a fixed number of requests work at once and the rest in turn; uploads, downloads
 * and static files pass at once, and a request that waited too long goes ahead anyway. Its
 * default size depends on where the database runs.
 */
class ConcurrencyGateTests {

	private static MockHttpServletRequest get(String uri) {
		return new MockHttpServletRequest("GET", uri);
	}

	@Test
	void theDefaultIsTwoACoreWithTheDatabaseOnThisMachineAndFourWithItElsewhere() {
		for (String local : List.of("jdbc:h2:file:./data/eschool;MODE=PostgreSQL", "jdbc:h2:mem:test",
				"jdbc:postgresql://127.0.0.1:5432/eschool?options=-c%20x=0", "jdbc:postgresql://localhost/eschool",
				"jdbc:postgresql:eschool", "jdbc:postgresql://[::1]:5432/eschool", "jdbc:postgresql:///eschool")) {
			assertThat(ConcurrencyGate.permits(0, local, 2)).as(local).isEqualTo(4);
		}
		for (String remote : List.of("jdbc:postgresql://db.region.local:5432/eschool", "jdbc:postgresql://10.0.0.5/eschool",
				"jdbc:postgresql://db1:5432,db2:5432/eschool", "jdbc:h2:tcp://db/eschool")) {
			assertThat(ConcurrencyGate.permits(0, remote, 2)).as(remote).isEqualTo(8);
		}
		assertThat(ConcurrencyGate.permits(6, "jdbc:h2:mem:test", 2)).as("configured").isEqualTo(6);
	}

	@Test
	void aSecondPageWaitsForTheFirstAndThenGoesInTurn() throws Exception {
		ConcurrencyGate.Gate gate = new ConcurrencyGate.Gate(1, Duration.ofSeconds(10));
		CountDownLatch firstInside = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		List<String> order = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> first = pool.submit(() -> {
				gate.doFilter(get("/diary"), new MockHttpServletResponse(), (req, res) -> {
					order.add("first in");
					firstInside.countDown();
					try {
						releaseFirst.await(10, TimeUnit.SECONDS);
					}
					catch (InterruptedException e) {
						throw new IllegalStateException(e);
					}
					order.add("first out");
				});
				return null;
			});
			assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
			Future<?> second = pool.submit(() -> {
				gate.doFilter(get("/journal"), new MockHttpServletResponse(), (req, res) -> order.add("second in"));
				return null;
			});
			Thread.sleep(200);
			assertThat(order).containsExactly("first in");
			releaseFirst.countDown();
			first.get(5, TimeUnit.SECONDS);
			second.get(5, TimeUnit.SECONDS);
			assertThat(order).containsExactly("first in", "first out", "second in");
		}
		finally {
			releaseFirst.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void uploadsDownloadsAndStaticFilesPassAtOnceAndALongWaitGoesAheadAnyway() throws Exception {
		ConcurrencyGate.Gate gate = new ConcurrencyGate.Gate(1, Duration.ofMillis(300));
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			pool.submit(() -> {
				gate.doFilter(get("/diary"), new MockHttpServletResponse(), (req, res) -> {
					inside.countDown();
					try {
						release.await(10, TimeUnit.SECONDS);
					}
					catch (InterruptedException e) {
						throw new IllegalStateException(e);
					}
				});
				return null;
			});
			assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
			MockHttpServletRequest upload = new MockHttpServletRequest("POST", "/homework/hand-in");
			upload.setContentType("multipart/form-data; boundary=x");
			for (MockHttpServletRequest passing : List.of(upload, get("/homework/files/7"), get("/css/app-1.css"))) {
				long start = System.nanoTime();
				boolean[] ran = { false };
				gate.doFilter(passing, new MockHttpServletResponse(), (req, res) -> ran[0] = true);
				assertThat(ran[0]).isTrue();
				assertThat(Duration.ofNanos(System.nanoTime() - start)).as(passing.getRequestURI()).isLessThan(Duration.ofMillis(250));
			}
			long start = System.nanoTime();
			boolean[] ran = { false };
			gate.doFilter(get("/diary"), new MockHttpServletResponse(), (req, res) -> ran[0] = true);
			assertThat(ran[0]).as("a page goes ahead after the longest wait").isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}
}
