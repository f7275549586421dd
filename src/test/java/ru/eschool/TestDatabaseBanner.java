package ru.eschool;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says on the console which database a test run uses, at its start and with its result at its
 * end, because the build runs the same suite on H2 and on PostgreSQL (registered through
 * META-INF/services).
 */
public class TestDatabaseBanner implements TestExecutionListener {

	private final AtomicLong tests = new AtomicLong();
	private final AtomicLong failed = new AtomicLong();

	/** "PostgreSQL (jdbc:postgresql://...)" or "H2 (embedded, in memory)". */
	public static String database() {
		String url = System.getProperty("ESCHOOL_TEST_DB_URL", System.getenv("ESCHOOL_TEST_DB_URL"));
		if (url == null || url.isBlank() || url.startsWith("jdbc:h2:")) {
			return "H2 (embedded, in memory)";
		}
		return (url.startsWith("jdbc:postgresql:") ? "PostgreSQL " : "") + "(" + url + ")";
	}

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		System.out.println("==== e-School tests on " + database() + " ====");
	}

	@Override
	public void executionFinished(TestIdentifier id, TestExecutionResult result) {
		if (id.isTest()) {
			tests.incrementAndGet();
			if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
				failed.incrementAndGet();
			}
		}
	}

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		System.out.println("==== e-School tests on " + database() + ": " + tests.get() + " run, " + failed.get()
				+ " failed ====");
	}
}
