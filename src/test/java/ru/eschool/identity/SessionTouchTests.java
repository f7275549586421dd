package ru.eschool.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import ru.eschool.EschoolTest;

/**
 * A session's last access is written at most once a minute on PostgreSQL (a read page then writes
 * nothing), but a new principal or id is written at once. The embedded database writes every time.
 */
@EschoolTest
class SessionTouchTests {

	@Autowired JdbcIndexedSessionRepository repository;
	@Autowired JdbcClient db;
	@Autowired DataSource dataSource;

	private long storedLastAccess(String id) {
		return db.sql("select last_access_time from spring_session where session_id = :s").param("s", id).query(Long.class)
			.single();
	}

	@Test
	void theLastAccessIsWrittenAtMostOnceAMinuteOnPostgresButAPrincipalAtOnce() throws Exception {
		boolean postgres;
		try (var c = dataSource.getConnection()) {
			postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		@SuppressWarnings({ "unchecked", "rawtypes" })
		FindByIndexNameSessionRepository<Session> sessions = (FindByIndexNameSessionRepository) repository;
		Session session = sessions.createSession();
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		session.setLastAccessedTime(start);
		sessions.save(session);
		String id = session.getId();
		assertThat(storedLastAccess(id)).isEqualTo(start.toEpochMilli());

		Session again = sessions.findById(id);
		again.setLastAccessedTime(start.plusSeconds(20));
		sessions.save(again);
		assertThat(storedLastAccess(id)).isEqualTo(postgres ? start.toEpochMilli() : start.plusSeconds(20).toEpochMilli());

		Session signedIn = sessions.findById(id);
		signedIn.setLastAccessedTime(start.plusSeconds(30));
		signedIn.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "touch.test");
		sessions.save(signedIn);
		assertThat(storedLastAccess(id)).isEqualTo(start.plusSeconds(30).toEpochMilli());
		assertThat(sessions.findByPrincipalName("touch.test")).containsKey(id);

		Session later = sessions.findById(id);
		later.setLastAccessedTime(start.plusSeconds(30).plus(Duration.ofMinutes(1)));
		sessions.save(later);
		assertThat(storedLastAccess(id)).isEqualTo(start.plusSeconds(90).toEpochMilli());
		sessions.deleteById(id);
	}
}
