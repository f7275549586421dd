package ru.eschool.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/**
 * A session's last access is written at most once a minute (a read page then writes nothing), but
 * a new principal, attribute or id is written at once. On both databases.
 */
@EschoolTest
class SessionTouchTests {

	@Autowired JdbcIndexedSessionRepository jdbc;
	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;

	private long storedLastAccess(String id) {
		return db.sql("select last_access_time from spring_session where session_id = :s").param("s", id).query(Long.class)
			.single();
	}

	@Test
	void theLastAccessIsWrittenAtMostOnceAMinuteButAPrincipalOrAttributeAtOnce() {
		FindByIndexNameSessionRepository<Session> sessions = SessionTouch.wrap(jdbc, Duration.ofMinutes(1));
		Session session = sessions.createSession();
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		session.setLastAccessedTime(start);
		sessions.save(session);
		String id = session.getId();
		assertThat(storedLastAccess(id)).isEqualTo(start.toEpochMilli());

		Session again = sessions.findById(id);
		again.setLastAccessedTime(start.plusSeconds(20));
		sessions.save(again);
		assertThat(storedLastAccess(id)).isEqualTo(start.toEpochMilli());

		Session withAttribute = sessions.findById(id);
		withAttribute.setLastAccessedTime(start.plusSeconds(25));
		withAttribute.setAttribute("touch.attribute", 7L);
		sessions.save(withAttribute);
		assertThat(storedLastAccess(id)).isEqualTo(start.plusSeconds(25).toEpochMilli());
		assertThat(sessions.findById(id).<Long>getAttribute("touch.attribute")).isEqualTo(7L);

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

	@Test
	void aSignedInPageViewWritesNothingToTheSessionUntilItsLastAccessIsAMinuteOld() throws Exception {
		School school = data.school();
		long child = data.student(school, data.schoolClass(school, 3, "Б"), "Зуева", "Аня");
		Account guardian = data.account("Зуев Олег", TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Зуев", "Олег", child)));
		Cookie session = mvc.perform(post("/login").with(csrf()).param("username", guardian.login()).param("password", "password1"))
			.andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
		String id = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.US_ASCII);
		// the first page after sign-in stores a new CSRF token in the session: written, last access with it
		mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
		long signedIn = storedLastAccess(id);

		mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/diary").cookie(session)).andExpect(status().isOk());
		assertThat(storedLastAccess(id)).isEqualTo(signedIn);

		long twoMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(2).toMillis();
		db.sql("update spring_session set last_access_time = :t where session_id = :s").param("t", twoMinutesAgo).param("s", id).update();
		mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
		assertThat(storedLastAccess(id)).isGreaterThanOrEqualTo(signedIn);
	}
}
