package ru.eschool.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.gradebook.MarkPosted;
import ru.eschool.messaging.MessageSent;
import ru.eschool.messaging.AnnouncementPublished;
import ru.eschool.messaging.Announcements;
import ru.eschool.notification.internal.Channel;
import ru.eschool.notification.internal.InProcessSmsc;
import ru.eschool.notification.internal.Kind;
import ru.eschool.notification.internal.Preferences;
import ru.eschool.notification.internal.Preferences.Preference;
import ru.eschool.notification.internal.PushSubscriptions;
import ru.eschool.shared.Role;

/**
 * The outside channels against real servers in-process: GreenMail receives the e-mail in the
 * recipient's language, the jsmpp SMSC receives the SMS (concatenated UCS-2) and its receipt marks
 * it delivered, an SMSC outage delays but neither loses, doubles nor reorders, quiet hours hold SMS
 * (an urgent announcement passes), web push reaches the push service and a gone subscription is
 * pruned, a hopeless delivery becomes a dead letter for the school's admin, and a publication left
 * incomplete by a crash goes out once when resubmitted.
 */
@EschoolTest
@Import(NotificationChannelsTests.StubAnnouncements.class)
class NotificationChannelsTests {

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		ChannelServers.register(registry);
	}

	static final Map<Long, List<Long>> ANNOUNCED = new ConcurrentHashMap<>();

	@TestConfiguration
	static class StubAnnouncements {

		@Bean
		Announcements announcements() {
			return id -> ANNOUNCED.getOrDefault(id, List.of());
		}
	}

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired ApplicationEventPublisher events;
	@Autowired TransactionTemplate tx;
	@Autowired Preferences preferences;
	@Autowired PushSubscriptions subscriptions;
	@Autowired Clock clock;
	@Autowired EventPublicationRepository publications;
	@Autowired IncompleteEventPublications incomplete;

	School school;
	long student;
	long math;
	long guardian;
	Account mother;
	String phone;
	String email;

	@BeforeEach
	void setUp() {
		school = data.school();
		long classA = data.schoolClass(school, 7, "Б");
		math = data.subject(school, "Математика");
		student = data.student(school, classA, "Петров", "Иван");
		guardian = data.guardian(school, "Петрова", "Мария", student);
		mother = data.account("Петрова Мария", TestData.grant(Role.GUARDIAN, school, guardian));
		int n = Math.abs(TestData.next()) % 10_000_000;
		phone = "+7914" + String.format("%07d", n);
		email = "mother" + n + "@example.ru";
	}

	private void prefer(Account a, String lang, LocalTime quietFrom, LocalTime quietTo, Map<Kind, Set<Channel>> choices) {
		Map<Kind, Set<Channel>> all = new EnumMap<>(Kind.class);
		for (Kind k : Kind.values()) {
			all.put(k, EnumSet.copyOf(choices.getOrDefault(k, EnumSet.noneOf(Channel.class)).isEmpty()
					? EnumSet.noneOf(Channel.class) : choices.get(k)));
		}
		preferences.save(a.id(), new Preference(email, phone, lang, ZoneId.of("Asia/Vladivostok"), quietFrom, quietTo, false,
				true, all), Instant.now());
	}

	private void publish(Object event) {
		tx.executeWithoutResult(s -> events.publishEvent(event));
	}

	private MarkPosted mark(long markId, String value) {
		return new MarkPosted(markId, school.id(), 1L, student, math, LocalDate.of(2026, 10, 5), value, 1L, 1);
	}

	private List<String> statuses(Account a, Channel c) {
		return db.sql("select status from notification_delivery where account_id = :a and channel = :c order by id")
			.param("a", a.id()).param("c", c.name()).query(String.class).list();
	}

	private List<InProcessSmsc.Sms> smsTo(String number) {
		return ChannelServers.SMSC.received().stream().filter(s -> s.to().equals(number)).toList();
	}

	private List<MimeMessage> mailTo(String address) throws Exception {
		List<MimeMessage> found = new java.util.ArrayList<>();
		for (MimeMessage m : ChannelServers.MAIL.getReceivedMessages()) {
			if (m.getAllRecipients()[0].toString().equals(address)) {
				found.add(m);
			}
		}
		return found;
	}

	@Test
	void anEmailReachesTheSmtpServerWithTextAndHtmlInTheRecipientsLanguage() throws Exception {
		prefer(mother, "en", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Map.of(Kind.MARK, EnumSet.of(Channel.EMAIL)));
		publish(mark(TestData.next(), "5"));
		await().atMost(Duration.ofSeconds(15)).until(() -> mailTo(email).size() == 1);
		MimeMessage m = mailTo(email).get(0);
		assertThat(m.getSubject()).isEqualTo("New mark: Иван Петров: mark 5 in Математика on 05.10.2026");
		String raw = new String(m.getRawInputStream().readAllBytes());
		MimeMultipart parts = (MimeMultipart) m.getContent();
		String all = multipartText(parts);
		assertThat(all).contains("text/plain").contains("text/html").contains("Иван Петров: mark 5 in Математика")
			.contains("<li>Иван Петров: mark 5 in Математика on 05.10.2026</li>");
		assertThat(raw).isNotEmpty();
		await().atMost(Duration.ofSeconds(5)).until(() -> statuses(mother, Channel.EMAIL).equals(List.of("SENT")));
	}

	private static String multipartText(MimeMultipart mp) throws Exception {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < mp.getCount(); i++) {
			var part = mp.getBodyPart(i);
			Object content = part.getContent();
			if (content instanceof MimeMultipart inner) {
				sb.append(multipartText(inner));
			}
			else {
				sb.append(part.getContentType()).append('\n').append(content).append('\n');
			}
		}
		return sb.toString();
	}

	@Test
	void withTheDailyDigestEmailsWaitForTheDigestHourAndGoAsOneMessage() throws Exception {
		Map<Kind, Set<Channel>> all = new EnumMap<>(Kind.class);
		for (Kind k : Kind.values()) {
			all.put(k, k == Kind.MARK ? EnumSet.of(Channel.EMAIL) : EnumSet.noneOf(Channel.class));
		}
		preferences.save(mother.id(), new Preference(email, phone, "ru", ZoneId.of("Asia/Vladivostok"), LocalTime.MIDNIGHT,
				LocalTime.MIDNIGHT, true, true, all), Instant.now());
		publish(mark(TestData.next(), "5"));
		publish(mark(TestData.next(), "4"));
		await().atMost(Duration.ofSeconds(15)).until(() -> db.sql(
				"select count(*) from notification_delivery where account_id = :a and held_until is not null")
			.param("a", mother.id()).query(Integer.class).single() == 2);
		Instant held = db.sql("select max(held_until) from notification_delivery where account_id = :a").param("a", mother.id())
			.query(java.time.OffsetDateTime.class).single().toInstant();
		assertThat(held.atZone(ZoneId.of("Asia/Vladivostok")).toLocalTime()).isEqualTo(LocalTime.of(19, 0));
		assertThat(mailTo(email)).isEmpty();
		// the digest hour comes
		db.sql("update notification_delivery set held_until = :t, next_attempt_at = :t where account_id = :a")
			.param("t", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(1)).param("a", mother.id()).update();
		await().atMost(Duration.ofSeconds(15)).until(() -> mailTo(email).size() == 1);
		MimeMessage digest = mailTo(email).get(0);
		assertThat(digest.getSubject()).isEqualTo("Электронный дневник: уведомлений за день — 2");
		assertThat(multipartText((MimeMultipart) digest.getContent())).contains("оценка 5", "оценка 4");
		await().atMost(Duration.ofSeconds(5)).until(() -> statuses(mother, Channel.EMAIL).equals(List.of("SENT", "SENT")));
	}

	@Test
	void anSmsReachesTheSmscInConcatenatedUcs2PartsAndItsReceiptMarksItDelivered() {
		prefer(mother, "ru", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Map.of(Kind.MARK, EnumSet.of(Channel.SMS)));
		publish(mark(TestData.next(), "4"));
		await().atMost(Duration.ofSeconds(15)).until(() -> smsTo(phone).size() == 1);
		InProcessSmsc.Sms sms = smsTo(phone).get(0);
		assertThat(sms.text()).isEqualTo("Новая оценка: Иван Петров: оценка 4 по предмету «Математика» за 05.10.2026");
		assertThat(sms.partIds()).hasSize(2);
		await().atMost(Duration.ofSeconds(10)).until(() -> statuses(mother, Channel.SMS).equals(List.of("DELIVERED")));
		assertThat(db.sql("select count(*) from notification_sms_part p join notification_delivery d on d.id = p.delivery_id "
				+ "where d.account_id = :a and p.delivered").param("a", mother.id()).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void whileTheSmscIsDownSmsWaitAndThenEachArrivesOnceInOrder() throws Exception {
		prefer(mother, "ru", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Map.of(Kind.MARK, EnumSet.of(Channel.SMS)));
		ChannelServers.SMSC.stop();
		try {
			long first = TestData.next();
			for (int i = 1; i <= 5; i++) {
				publish(mark(first + i * 7L, String.valueOf(i)));
				int queued = i;
				// queued one after another, as a teacher enters marks (listeners of separate events run concurrently)
				await().atMost(Duration.ofSeconds(10)).until(() -> statuses(mother, Channel.SMS).size() == queued);
			}
			await().atMost(Duration.ofSeconds(15)).until(() -> db.sql("""
					select count(*) from notification_delivery where account_id = :a and channel = 'SMS' and attempts >= 2""")
				.param("a", mother.id()).query(Integer.class).single() >= 1);
			assertThat(smsTo(phone)).isEmpty();
		}
		finally {
			ChannelServers.SMSC.start();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(phone).size() == 5
				&& statuses(mother, Channel.SMS).stream().allMatch("DELIVERED"::equals));
		Thread.sleep(500);
		assertThat(smsTo(phone)).extracting(s -> s.text().replaceAll(".*оценка (\\d).*", "$1"))
			.containsExactly("1", "2", "3", "4", "5");
	}

	@Test
	void quietHoursHoldSmsUntilMorningButAnUrgentAnnouncementPasses() {
		LocalTime now = LocalTime.now(clock.withZone(ZoneId.of("Asia/Vladivostok")));
		LocalTime from = now.minusHours(1);
		LocalTime to = now.plusHours(1);
		prefer(mother, "ru", from, to, Map.of(Kind.MARK, EnumSet.of(Channel.SMS), Kind.ANNOUNCEMENT, EnumSet.of(Channel.SMS)));
		publish(mark(TestData.next(), "3"));
		await().atMost(Duration.ofSeconds(10)).until(() -> db.sql("""
				select count(*) from notification_delivery where account_id = :a and channel = 'SMS' and held_until is not null""")
			.param("a", mother.id()).query(Integer.class).single() == 1);
		long announcement = TestData.next();
		ANNOUNCED.put(announcement, List.of(mother.id()));
		publish(new AnnouncementPublished(announcement, school.id(), 1L, "Директор", "Школа закрыта", true));
		await().atMost(Duration.ofSeconds(15)).until(() -> smsTo(phone).size() == 1);
		assertThat(smsTo(phone).get(0).text()).contains("Срочно! Директор: Школа закрыта");
		Instant held = db.sql("select held_until from notification_delivery where account_id = :a and channel = 'SMS' and status = 'QUEUED'")
			.param("a", mother.id()).query(java.time.OffsetDateTime.class).single().toInstant();
		assertThat(held.atZone(ZoneId.of("Asia/Vladivostok")).toLocalTime()).isEqualTo(to.withSecond(0).withNano(0));
	}

	@Test
	void webPushReachesThePushServiceAndAGoneSubscriptionIsPruned() throws Exception {
		prefer(mother, "ru", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Map.of(Kind.MARK, EnumSet.of(Channel.PUSH)));
		String live = "live-" + TestData.next();
		String gone = "gone-" + TestData.next();
		ChannelServers.PUSH_STATUS.put("/push/" + gone, 410);
		String[] k1 = ChannelServers.browserKeys();
		String[] k2 = ChannelServers.browserKeys();
		subscriptions.save(mother.id(), ChannelServers.pushUrl(live), k1[0], k1[1], Instant.now());
		subscriptions.save(mother.id(), ChannelServers.pushUrl(gone), k2[0], k2[1], Instant.now());
		publish(mark(TestData.next(), "5"));
		await().atMost(Duration.ofSeconds(15)).until(() -> statuses(mother, Channel.PUSH).equals(List.of("SENT")));
		assertThat(ChannelServers.PUSHED).anySatisfy(p -> assertThat(p).startsWith("/push/" + live + " true aes128gcm"));
		assertThat(ChannelServers.PUSHED).anySatisfy(p -> assertThat(p).startsWith("/push/" + gone + " true"));
		assertThat(subscriptions.of(mother.id())).extracting(PushSubscriptions.Subscription::endpoint)
			.containsExactly(ChannelServers.pushUrl(live));
	}

	/** The mother hears of this kind by push only, and her one subscription is gone (410): a hopeless delivery. */
	private void pushToADeadSubscription(Kind kind) throws Exception {
		prefer(mother, "ru", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Map.of(kind, EnumSet.of(Channel.PUSH)));
		String gone = "dead-" + TestData.next();
		ChannelServers.PUSH_STATUS.put("/push/" + gone, 410);
		String[] k = ChannelServers.browserKeys();
		subscriptions.save(mother.id(), ChannelServers.pushUrl(gone), k[0], k[1], Instant.now());
	}

	@Test
	void aHopelessDeliveryIsADeadLetterThatOnlyItsSchoolsAdminSeesAndSendsAgain() throws Exception {
		pushToADeadSubscription(Kind.MARK);
		publish(mark(TestData.next(), "2"));
		await().atMost(Duration.ofSeconds(15)).until(() -> statuses(mother, Channel.PUSH).equals(List.of("FAILED")));
		long id = db.sql("select id from notification_delivery where account_id = :a").param("a", mother.id()).query(Long.class)
			.single();
		Account admin = data.schoolAdmin(school);
		Account otherAdmin = data.schoolAdmin(data.school());
		mvc.perform(get("/admin/notifications/failed").with(data.as(admin))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Иван Петров: оценка 2")));
		mvc.perform(get("/admin/notifications/failed").with(data.as(otherAdmin))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Иван Петров"))));
		mvc.perform(get("/admin/notifications/failed").with(data.as(mother))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/notifications/failed/" + id + "/retry").with(csrf()).with(data.as(otherAdmin)))
			.andExpect(status().isNotFound());
		assertThat(statuses(mother, Channel.PUSH)).containsExactly("FAILED");
		mvc.perform(post("/admin/notifications/failed/" + id + "/retry").with(csrf()).with(data.as(admin)))
			.andExpect(status().is3xxRedirection());
		assertThat(db.sql("select attempts from notification_delivery where id = :id").param("id", id).query(Integer.class)
			.single()).isLessThanOrEqualTo(1);
	}

	@Test
	void aMessagesDeadLetterShowsItsSchoolsAdminTheSenderButNotTheText() throws Exception {
		pushToADeadSubscription(Kind.MESSAGE);
		publish(new MessageSent(TestData.next(), 1L, 1L, "Учителева Анна", List.of(mother.id()), "Ваш сын курит за школой",
				school.id()));
		await().atMost(Duration.ofSeconds(15)).until(() -> statuses(mother, Channel.PUSH).equals(List.of("FAILED")));
		mvc.perform(get("/admin/notifications/failed").with(data.as(data.schoolAdmin(school)))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Сообщение от Учителева Анна")))
			.andExpect(content().string(not(containsString("курит"))));
		mvc.perform(get("/admin/notifications/failed").with(data.as(data.schoolAdmin(data.school()))))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString("Учителева Анна"))));
	}

	@Test
	void aPublicationLeftIncompleteByACrashGoesOutOnceWhenResubmitted() throws Exception {
		prefer(mother, "ru", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Map.of(Kind.MARK, EnumSet.of(Channel.EMAIL, Channel.SMS)));
		// the listener's identifier, as the registry records it: read in the publishing transaction,
		// before the listener has run (a completed publication is deleted)
		String listener = tx.execute(s -> {
			events.publishEvent(mark(TestData.next(), "5"));
			return db.sql("select listener_id from event_publication where listener_id like '%NotificationListeners%MarkPosted%'")
				.query(String.class).list().get(0);
		});
		await().atMost(Duration.ofSeconds(15)).until(() -> mailTo(email).size() == 1 && smsTo(phone).size() == 1);
		await().atMost(Duration.ofSeconds(15)).until(() -> db.sql("select count(*) from event_publication")
			.query(Integer.class).single() == 0);

		// the application stopped after the mark was saved: its publication is stored, the listener never ran
		MarkPosted lost = mark(TestData.next(), "3");
		publications.create(TargetEventPublication.of(lost, PublicationTargetIdentifier.of(listener)));
		Thread.sleep(300);
		assertThat(mailTo(email)).hasSize(1);

		// at the restart the registry resubmits it (republish-outstanding-events-on-restart does the same)
		incomplete.resubmitIncompletePublications(p -> p.getEvent().equals(lost));
		await().atMost(Duration.ofSeconds(15)).until(() -> mailTo(email).size() == 2 && smsTo(phone).size() == 2);

		await().atMost(Duration.ofSeconds(15)).until(() -> db.sql("select count(*) from event_publication")
			.query(Integer.class).single() == 0);

		// the node died after the listener committed but before the completed publication was deleted:
		// resubmitted again
		publications.create(TargetEventPublication.of(lost, PublicationTargetIdentifier.of(listener)));
		incomplete.resubmitIncompletePublications(p -> true);
		await().atMost(Duration.ofSeconds(15)).until(() -> db.sql("select count(*) from event_publication")
			.query(Integer.class).single() == 0);
		Thread.sleep(1000);
		assertThat(mailTo(email)).hasSize(2);
		assertThat(smsTo(phone)).hasSize(2);
		assertThat(db.sql("select count(*) from notification_item where account_id = :a").param("a", mother.id())
			.query(Integer.class).single()).isEqualTo(2);
	}
}
