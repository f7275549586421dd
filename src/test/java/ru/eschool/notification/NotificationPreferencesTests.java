package ru.eschool.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.notification.internal.Channel;
import ru.eschool.notification.internal.Kind;
import ru.eschool.notification.internal.Preferences;
import ru.eschool.notification.internal.Preferences.Preference;
import ru.eschool.shared.Role;

/**
 * The preferences page: contacts are checked and normalised at entry, an invalid form says why in
 * the person's language and saves nothing, channels that are not configured cannot be chosen,
 * quiet hours default to 21:00–08:00 Vladivostok time, and each person edits only their own.
 */
@EschoolTest
class NotificationPreferencesTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired Preferences preferences;

	Account mother;
	Account father;

	@BeforeEach
	void setUp() {
		School school = data.school();
		long c = data.schoolClass(school, 3, "В");
		long s = data.student(school, c, "Орлов", "Павел");
		mother = data.account("Орлова Ольга", TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Орлова", "Ольга", s)));
		father = data.account("Орлов Пётр", TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Орлов", "Пётр", s)));
	}

	@Test
	void theDefaultsAreInAppOnlyWithQuietHoursFromNineToEightVladivostokTime() throws Exception {
		Preference p = preferences.of(mother.id());
		assertThat(p.quietFrom()).isEqualTo(LocalTime.of(21, 0));
		assertThat(p.quietTo()).isEqualTo(LocalTime.of(8, 0));
		assertThat(p.zone()).isEqualTo(ZoneId.of("Asia/Vladivostok"));
		assertThat(p.choices().values()).allMatch(Set::isEmpty);
		assertThat(p.quietAt(Instant.parse("2026-12-04T12:30:00Z"))).as("22:30 in Vladivostok").isTrue();
		assertThat(p.quietAt(Instant.parse("2026-12-04T21:59:00Z"))).as("07:59 next morning").isTrue();
		assertThat(p.quietAt(Instant.parse("2026-12-04T22:00:00Z"))).as("08:00").isFalse();
		assertThat(p.quietEnd(Instant.parse("2026-12-04T12:30:00Z"))).isEqualTo(Instant.parse("2026-12-04T22:00:00Z"));
		mvc.perform(get("/notifications/settings").with(data.as(mother))).andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"21:00\"")))
			.andExpect(content().string(containsString("Канал «E-mail» в этой системе не настроен")));
	}

	@Test
	void anInvalidPhoneOrEmailIsRefusedInThePersonsLanguageAndNothingIsSaved() throws Exception {
		mvc.perform(post("/notifications/settings").with(csrf()).with(data.as(mother)).param("email", "not-an-address")
			.param("phone", "12345").param("quietFrom", "21:00").param("quietTo", "08:00").param("zone", "Asia/Vladivostok"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Неверный адрес e-mail.")))
			.andExpect(content().string(containsString("Неверный номер: нужен российский номер +7 и 10 цифр.")));
		mvc.perform(post("/notifications/settings").with(csrf()).with(data.as(mother)).param("messageLang", "en").param("phone", "+1 555 1234")
			.param("quietFrom", "25:00").param("quietTo", "08:00").param("zone", "Mars/Olympus").cookie(new jakarta.servlet.http.Cookie("lang", "en")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Invalid number")))
			.andExpect(content().string(containsString("Enter the time as HH:MM.")))
			.andExpect(content().string(containsString("Unknown time zone")));
		assertThat(db.sql("select count(*) from notification_preference where account_id = :a").param("a", mother.id())
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aValidFormIsSavedWithThePhoneNormalisedForThePersonOnly() throws Exception {
		mvc.perform(post("/notifications/settings").with(csrf()).with(data.as(mother)).param("email", " olga@example.ru ")
			.param("phone", "8 (914) 123-45-67").param("quietFrom", "22:00").param("quietTo", "07:30")
			.param("zone", "Asia/Vladivostok").param("digest", "on").param("messageLang", "en"))
			.andExpect(redirectedUrl("/notifications/settings"));
		Preference p = preferences.of(mother.id());
		assertThat(p.email()).isEqualTo("olga@example.ru");
		assertThat(p.phone()).isEqualTo("+79141234567");
		assertThat(p.quietFrom()).isEqualTo(LocalTime.of(22, 0));
		assertThat(p.quietTo()).isEqualTo(LocalTime.of(7, 30));
		assertThat(p.digest()).isTrue();
		assertThat(p.lang()).isEqualTo("en");
		assertThat(preferences.of(father.id()).phone()).isNull();
		mvc.perform(get("/notifications/settings").with(data.as(father))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("+79141234567"))));
	}

	@Test
	void choosingSmsWithoutAPhoneIsRefused() throws Exception {
		mvc.perform(post("/notifications/settings").with(csrf()).with(data.as(mother)).param("c-MARK-SMS", "on")
			.param("quietFrom", "21:00").param("quietTo", "08:00").param("zone", "Asia/Vladivostok"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Укажите телефон, чтобы получать SMS.")));
		assertThat(preferences.of(mother.id()).chose(Kind.MARK, Channel.SMS)).isFalse();
	}

	@Test
	void aPushSubscriptionIsRefusedWhilePushIsNotConfigured() throws Exception {
		mvc.perform(post("/notifications/push").with(csrf()).with(data.as(mother)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"endpoint\":\"https://push.example/abc\",\"keys\":{\"p256dh\":\"x\",\"auth\":\"y\"}}"))
			.andExpect(status().isBadRequest());
		assertThat(db.sql("select count(*) from notification_push_subscription where account_id = :a").param("a", mother.id())
			.query(Integer.class).single()).isZero();
		assertThat(Map.of()).isEmpty();
	}
}
