package ru.eschool.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import ru.eschool.EschoolTest;
import ru.eschool.StatementCounter;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.gradebook.MarkPosted;
import ru.eschool.homework.HomeworkAssigned;
import ru.eschool.notification.internal.Kind;
import ru.eschool.notification.internal.Notice;
import ru.eschool.notification.internal.Notifier;
import ru.eschool.shared.Role;

/**
 * The in-app side: an event reaches the student and the guardians who hold accounts (nobody else),
 * a replayed event adds nothing, the centre lists only one's own notifications, the header counts
 * the unread, marking read works on one's own ids only, and a fan-out is one INSERT ... SELECT.
 */
@EschoolTest
@Import(StatementCounter.class)
class NotificationCentreTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired ApplicationEventPublisher events;
	@Autowired TransactionTemplate tx;
	@Autowired Notifier notifier;

	School school;
	long classA;
	long student;
	long math;
	Account pupil;
	Account mother;
	Account otherParent;
	Account classmate;

	@BeforeEach
	void setUp() {
		school = data.school();
		classA = data.schoolClass(school, 6, "А");
		math = data.subject(school, "Математика");
		student = data.student(school, classA, "Петров", "Иван");
		long other = data.student(school, classA, "Сидорова", "Анна");
		long g = data.guardian(school, "Петрова", "Мария", student);
		long g2 = data.guardian(school, "Сидоров", "Олег", other);
		data.guardian(school, "Петров", "Без аккаунта", student);
		pupil = data.account("Петров Иван", TestData.grant(Role.STUDENT, school, student));
		mother = data.account("Петрова Мария", TestData.grant(Role.GUARDIAN, school, g));
		otherParent = data.account("Сидоров Олег", TestData.grant(Role.GUARDIAN, school, g2));
		classmate = data.account("Сидорова Анна", TestData.grant(Role.STUDENT, school, other));
	}

	private void publish(Object event) {
		tx.executeWithoutResult(s -> events.publishEvent(event));
	}

	private int items(Account a) {
		return db.sql("select count(*) from notification_item where account_id = :a").param("a", a.id()).query(Integer.class)
			.single();
	}

	private MarkPosted mark(long markId) {
		return new MarkPosted(markId, school.id(), 1L, student, math, LocalDate.of(2026, 10, 5), "5", 1L, 1);
	}

	@Test
	void aNewMarkReachesTheStudentAndTheirGuardiansWithAccountsOnly() {
		publish(mark(TestData.next()));
		await().atMost(Duration.ofSeconds(10)).until(() -> items(mother) == 1 && items(pupil) == 1);
		assertThat(items(otherParent)).isZero();
		assertThat(items(classmate)).isZero();
	}

	@Test
	void aReplayedEventCreatesNothingTwice() {
		long markId = TestData.next();
		publish(mark(markId));
		await().atMost(Duration.ofSeconds(10)).until(() -> items(mother) == 1);
		publish(mark(markId));
		publish(mark(markId));
		await().atMost(Duration.ofSeconds(10)).until(() -> db.sql("""
				select count(*) from event_publication where completion_date is null""").query(Integer.class).single() == 0);
		assertThat(items(mother)).isEqualTo(1);
		assertThat(items(pupil)).isEqualTo(1);
	}

	@Test
	void homeworkReachesTheWholeClassAndTheirFamilies() {
		publish(new HomeworkAssigned(TestData.next(), 1L, school.id(), classA, null, math, LocalDate.of(2026, 10, 7), false));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> items(mother) == 1 && items(pupil) == 1 && items(otherParent) == 1 && items(classmate) == 1);
	}

	@Test
	void theCentreListsOwnNotificationsAndTheHeaderCountsTheUnread() throws Exception {
		publish(mark(TestData.next()));
		publish(mark(TestData.next()));
		await().atMost(Duration.ofSeconds(10)).until(() -> items(mother) == 2);
		mvc.perform(get("/notifications").with(data.as(mother))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Уведомления: 2")))
			.andExpect(content().string(containsString("Иван Петров: оценка 5 по предмету «Математика» за 05.10.2026")));
		mvc.perform(get("/notifications").with(data.as(otherParent))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Иван Петров"))))
			.andExpect(content().string(not(containsString("Уведомления: "))));
	}

	@Test
	void markingReadWorksOnOwnNotificationsOnly() throws Exception {
		publish(mark(TestData.next()));
		publish(mark(TestData.next()));
		await().atMost(Duration.ofSeconds(10)).until(() -> items(mother) == 2);
		List<Long> ids = db.sql("select id from notification_item where account_id = :a order by id").param("a", mother.id())
			.query(Long.class).list();
		mvc.perform(post("/notifications/" + ids.get(0) + "/read").with(csrf()).with(data.as(otherParent)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/notifications/" + ids.get(0) + "/open").with(csrf()).with(data.as(otherParent)))
			.andExpect(status().isNotFound());
		assertThat(unread(mother)).isEqualTo(2);
		mvc.perform(post("/notifications/" + ids.get(0) + "/read").with(csrf()).with(data.as(mother)))
			.andExpect(redirectedUrl("/notifications"));
		assertThat(unread(mother)).isEqualTo(1);
		mvc.perform(post("/notifications/read-all").with(csrf()).with(data.as(otherParent)));
		assertThat(unread(mother)).isEqualTo(1);
		mvc.perform(post("/notifications/read-all").with(csrf()).with(data.as(mother))).andExpect(redirectedUrl("/notifications"));
		assertThat(unread(mother)).isZero();
		mvc.perform(get("/notifications").with(data.as(mother))).andExpect(content().string(not(containsString("Уведомления: "))));
	}

	@Test
	void aNotificationOpensWhereItPoints() throws Exception {
		publish(mark(TestData.next()));
		await().atMost(Duration.ofSeconds(10)).until(() -> items(mother) == 1);
		long id = db.sql("select id from notification_item where account_id = :a").param("a", mother.id()).query(Long.class)
			.single();
		mvc.perform(post("/notifications/" + id + "/open").with(csrf()).with(data.as(mother))).andExpect(redirectedUrl("/diary"));
		assertThat(unread(mother)).isZero();
	}

	@Test
	void theCentreRunsAConstantNumberOfStatements() throws Exception {
		publish(mark(TestData.next()));
		await().atMost(Duration.ofSeconds(10)).until(() -> items(mother) == 1);
		StatementCounter.start();
		mvc.perform(get("/notifications").with(data.as(mother))).andExpect(status().isOk());
		int one = StatementCounter.stop();
		for (int i = 0; i < 5; i++) {
			publish(mark(TestData.next()));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> items(mother) == 6);
		StatementCounter.start();
		mvc.perform(get("/notifications").with(data.as(mother))).andExpect(status().isOk());
		assertThat(StatementCounter.stop()).isEqualTo(one).isLessThanOrEqualTo(6);
	}

	@Test
	void aFanOutToAThousandAccountsIsOneInsertSelect() {
		List<Long> accounts = LongStream.range(0, 1000).map(i -> 9_000_000_000L + TestData.next() * 1000L + i).boxed().toList();
		Notice notice = new Notice("test-fan-out:" + TestData.next(), Kind.ANNOUNCEMENT, school.id(),
				"notification.text.announcement", List.of("Директор", "Собрание"), "/messages", false);
		StatementCounter.start();
		int created = notifier.notify(notice, accounts);
		int statements = StatementCounter.stop();
		assertThat(created).isEqualTo(1000);
		assertThat(statements).isLessThanOrEqualTo(2);
		assertThat(notifier.notify(notice, accounts)).isZero();
	}

	private int unread(Account a) {
		return db.sql("select count(*) from notification_item where account_id = :a and read_at is null").param("a", a.id())
			.query(Integer.class).single();
	}
}
