package ru.eschool.identity.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session writes a session's last-access time on every request, so every page view, even a
 * read, ends in a row update and a WAL flush at commit: under load the largest cost of a diary page
 * (docs/benchmarks.md, region scale). On PostgreSQL the update is made conditional: it writes when
 * the id, the principal or the timeout changed, or when the stored last access is older than
 * {@code eschool.identity.session-touch} (a minute). A skipped update writes nothing, so its commit
 * has nothing to flush. The cost: a session may be purged up to that long before its idle timeout.
 * The embedded database keeps Spring Session's plain update.
 */
@Configuration(proxyBeanMethods = false)
class SessionTouch {

	/** Spring Session binds, in order: session id, last access, max inactive, expiry, principal, primary id. */
	static final String CONDITIONAL_UPDATE = """
			WITH v (sid, lat, mii, exp, pn, pid) AS (VALUES (CAST(? AS CHAR(36)), CAST(? AS BIGINT), CAST(? AS INT),
			  CAST(? AS BIGINT), CAST(? AS VARCHAR(100)), CAST(? AS CHAR(36))))
			UPDATE %TABLE_NAME% t
			SET SESSION_ID = v.sid, LAST_ACCESS_TIME = v.lat, MAX_INACTIVE_INTERVAL = v.mii, EXPIRY_TIME = v.exp, PRINCIPAL_NAME = v.pn
			FROM v
			WHERE t.PRIMARY_ID = v.pid
			  AND (t.SESSION_ID <> v.sid OR t.MAX_INACTIVE_INTERVAL <> v.mii OR t.PRINCIPAL_NAME IS DISTINCT FROM v.pn
			       OR v.lat - t.LAST_ACCESS_TIME >= %TOUCH_MILLIS%)
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> conditionalSessionTouch(DataSource dataSource,
			@Value("${eschool.identity.session-touch:PT1M}") Duration touch) {
		boolean postgres = isPostgres(dataSource);
		return repository -> {
			if (postgres && !touch.isZero()) {
				repository.setUpdateSessionQuery(CONDITIONAL_UPDATE.replace("%TOUCH_MILLIS%", Long.toString(touch.toMillis())));
			}
		};
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot tell the database", e);
		}
	}
}
