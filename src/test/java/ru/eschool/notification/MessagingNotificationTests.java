package ru.eschool.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/**
 * The two modules together, through the pages and the persisted events: a message and an
 * announcement written in messaging become notifications of exactly their recipients, pointing at
 * the conversation or the announcement.
 */
@EschoolTest
class MessagingNotificationTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;

	private List<String> links(long accountId) {
		return db.sql("select link from notification_item where account_id = :a order by id").param("a", accountId)
			.query(String.class).list();
	}

	@Test
	void aMessageNotifiesItsRecipientOnlyWithALinkToTheConversation() throws Exception {
		School school = data.school();
		long classA = data.schoolClass(school, 5, "А");
		long math = data.subject(school, "Математика");
		long t = data.staff(school, "Учителева", "Анна", "TEACHER");
		data.assign(t, math, classA);
		Account teacher = data.account("Учителева Анна", TestData.grant(Role.TEACHER, school, t));
		long student = data.student(school, classA, "Ученикова", "Маша");
		Account parent = data.account("Ученикова Ирина",
				TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Ученикова", "Ирина", student)));

		String location = mvc.perform(post("/messages").param("to", teacher.id() + "-TEACHER").param("text", "Маша заболела")
			.with(data.as(parent)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse()
			.getRedirectedUrl();

		await().atMost(Duration.ofSeconds(10)).until(() -> links(teacher.id()).size() == 1);
		assertThat(links(teacher.id())).containsExactly(location);
		assertThat(links(parent.id())).isEmpty();
		assertThat(unread(teacher.id())).isEqualTo(1);
		// the conversation's school: its admin is the one to see the notice if it cannot be delivered
		assertThat(db.sql("select institution_id from notification_item where account_id = :a").param("a", teacher.id())
			.query(Long.class).single()).isEqualTo(school.id());

		// reading the conversation where it was sent reads its notification too
		mvc.perform(get(location).with(data.as(teacher))).andExpect(status().isOk());
		assertThat(unread(teacher.id())).isZero();
	}

	private int unread(long accountId) {
		return db.sql("select count(*) from notification_item where account_id = :a and read_at is null").param("a", accountId)
			.query(Integer.class).single();
	}

	@Test
	void anAnnouncementToAThousandGuardiansNotifiesEachOnceWithALinkToIt() throws Exception {
		School school = data.school();
		long classA = data.schoolClass(school, 5, "А");
		List<Long> guardians = data.guardianAccounts(school, classA, 1000);
		Account admin = data.schoolAdmin(school);

		String location = mvc.perform(post("/announcements").param("title", "Родительское собрание").param("body", "В четверг")
			.param("kinds", "GUARDIAN").param("classes", String.valueOf(classA)).with(data.as(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long announcement = Long.parseLong(location.replaceAll("\\D+(\\d+)\\D*", "$1"));

		await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("""
				select count(*) from notification_item where link = :l""").param("l", "/announcements/" + announcement)
			.query(Integer.class).single() == 1000);
		assertThat(links(guardians.get(0))).containsExactly("/announcements/" + announcement);
		assertThat(links(guardians.get(999))).containsExactly("/announcements/" + announcement);
		assertThat(links(admin.id())).isEmpty();

		mvc.perform(get("/announcements/" + announcement).with(data.as(new Account(guardians.get(0), "guardian", "Родитель")))).andExpect(status().isOk());
		assertThat(unread(guardians.get(0))).isZero();
		assertThat(unread(guardians.get(1))).isEqualTo(1);
	}
}
