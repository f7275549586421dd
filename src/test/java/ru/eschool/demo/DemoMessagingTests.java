package ru.eschool.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import ru.eschool.messaging.DemoMessaging;

/**
 * The demo accounts find conversations and the school's announcement (same context as
 * {@link DemoRegionTests}: the demo profile is loaded once). Loading again adds nothing.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@ActiveProfiles({ "test", "demo" })
class DemoMessagingTests {

	@Autowired JdbcClient db;
	@Autowired DemoMessaging messaging;

	long count(String sql, String login) {
		return db.sql(sql).param("l", login).query(Long.class).single();
	}

	@Test
	void theDemoParentTeacherAndAdminHaveConversationsAndTheSchoolAnnouncementWentOut() {
		String conversations = """
				select count(*) from messaging_participant p join identity_account a on a.id = p.account_id where a.login = :l""";
		assertThat(count(conversations, DemoAccountList.PARENT)).isGreaterThanOrEqualTo(2);
		assertThat(count(conversations, DemoAccountList.SCHOOL_ADMIN)).isGreaterThanOrEqualTo(2);
		assertThat(count(conversations, DemoAccountList.TEACHER)).isGreaterThanOrEqualTo(1);
		assertThat(count("""
				select count(*) from messaging_announcement n join identity_account a on a.id = n.author_account_id
				where a.login = :l and n.recipients > 3""", DemoAccountList.SCHOOL_ADMIN)).isEqualTo(1);
		assertThat(count("""
				select count(*) from messaging_recipient r join identity_account a on a.id = r.account_id
				where a.login = :l and r.read_at is not null""", DemoAccountList.PARENT)).isEqualTo(1);
		assertThat(messaging.load(DemoAccountList.PARENT, DemoAccountList.TEACHER, DemoAccountList.STUDENT,
				DemoAccountList.SCHOOL_ADMIN)).isZero();
	}
}
