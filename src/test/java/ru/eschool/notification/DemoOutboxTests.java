package ru.eschool.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import ru.eschool.gradebook.MarkPosted;
import ru.eschool.notification.internal.DemoServers;
import ru.eschool.shared.AccountPrincipal;
import ru.eschool.shared.Role;
import ru.eschool.shared.RoleGrant;

/**
 * The demo profile runs an in-process mail server and SMSC; the demo parent hears of a new mark by
 * e-mail and SMS over SMTP and SMPP, and the outbox page shows both.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class DemoOutboxTests {

	@Autowired MockMvc mvc;
	@Autowired JdbcClient db;
	@Autowired ApplicationEventPublisher events;
	@Autowired TransactionTemplate tx;
	@Autowired DemoServers servers;

	@Test
	void aMarkForTheDemoParentsChildArrivesInTheOutboxByEmailAndSms() throws Exception {
		long account = db.sql("select id from identity_account where login = 'parent'").query(Long.class).single();
		List<RoleGrant> grants = db.sql("select id, role, institution_id, person_id from identity_role_grant where account_id = :a order by id")
			.param("a", account)
			.query((rs, n) -> new RoleGrant(rs.getLong(1), Role.valueOf(rs.getString(2)), rs.getObject(3, Long.class),
					rs.getObject(4, Long.class), ""))
			.list();
		RoleGrant g = grants.get(0);
		long child = db.sql("select min(student_id) from school_guardianship where guardian_id = :g").param("g", g.personId())
			.query(Long.class).single();
		long subject = db.sql("select min(id) from school_subject where institution_id = :i").param("i", g.institutionId())
			.query(Long.class).single();
		tx.executeWithoutResult(s -> events.publishEvent(new MarkPosted(System.nanoTime(), g.institutionId(), 1L, child, subject,
				LocalDate.of(2026, 11, 16), "5", 1L, 1)));
		// the demo's conversations send their own e-mails and SMS meanwhile: wait for the mark's
		var parent = SecurityMockMvcRequestPostProcessors.user(new AccountPrincipal(account, "parent", null, "parent", grants, true));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> servers.sms().stream().anyMatch(m -> m.to().equals("+79140000001") && m.text().contains("оценка 5"))
					&& servers.mails().stream().anyMatch(m -> m.to().equals("parent@demo.example") && m.text().contains("оценка 5")));
		mvc.perform(get("/demo/outbox").with(parent))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("+79140000001")))
			.andExpect(content().string(containsString("parent@demo.example")))
			.andExpect(content().string(containsString("оценка 5")));
	}
}
