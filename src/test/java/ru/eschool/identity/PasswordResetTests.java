package ru.eschool.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.audit.AuditLog;
import ru.eschool.audit.AuditLog.Outcome;
import ru.eschool.identity.internal.EmailTokens;
import ru.eschool.shared.Role;

/** Confirming the e-mail address and resetting a forgotten password by a mailed one-time link (GreenMail in-process). */
@EschoolTest
class PasswordResetTests {

	static final GreenMail MAIL = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

	static {
		MAIL.start();
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry r) {
		r.add("eschool.notification.mail.host", () -> "127.0.0.1");
		r.add("eschool.notification.mail.port", () -> MAIL.getSmtp().getPort());
		r.add("eschool.notification.mail.starttls", () -> "false");
		r.add("eschool.notification.mail.from", () -> "school@example.ru");
	}

	@AfterAll
	static void stop() {
		MAIL.stop();
	}

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired AuditLog audit;
	@Autowired EmailTokens tokens;
	@Autowired JdbcClient db;

	static final Pattern LINK = Pattern.compile("https?://\\S+?(/signin/(?:reset|email)\\?token=[A-Za-z0-9_-]+)");

	String lastLink(String to) throws Exception {
		MimeMessage last = null;
		for (MimeMessage m : MAIL.getReceivedMessages()) {
			if (m.getAllRecipients()[0].toString().equals(to)) {
				last = m;
			}
		}
		assertThat(last).as("a mail to " + to).isNotNull();
		Matcher m = LINK.matcher(String.valueOf(last.getContent()));
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	Account person(String email) {
		School school = data.school();
		Account a = data.account("Соколова Дарья",
				TestData.grant(Role.TEACHER, school, data.staff(school, "Соколова", "Дарья", "учитель")));
		db.sql("update identity_account set email = :e where id = :id").param("e", email).param("id", a.id()).update();
		return a;
	}

	@Test
	void aConfirmedAddressGetsAOneTimeLinkThatSetsANewPasswordOnce() throws Exception {
		Account a = person("sokolova@example.ru");
		// confirm the address from the profile
		mvc.perform(post("/account/email/confirm").with(csrf()).with(data.as(a))).andExpect(redirectedUrl("/account?confirmSent"));
		mvc.perform(get(lastLink("sokolova@example.ru"))).andExpect(content().string(containsString("подтверждён")));
		assertThat(tokens.confirmedEmail(a.id())).contains("sokolova@example.ru");

		// forgot password: by e-mail address
		mvc.perform(post("/signin/forgot").with(csrf()).param("who", "sokolova@example.ru"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Если такая учётная запись есть")));
		String link = lastLink("sokolova@example.ru");
		mvc.perform(get(link)).andExpect(status().isOk()).andExpect(content().string(containsString("Новый пароль")));
		String token = link.substring(link.indexOf("token=") + 6);
		// bcrypt's 72 bytes: 40 Cyrillic letters are 80 bytes
		mvc.perform(post("/signin/reset").with(csrf()).param("token", token).param("password", "я".repeat(40))
			.param("confirm", "я".repeat(40))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Новый пароль")));
		mvc.perform(post("/signin/reset").with(csrf()).param("token", token).param("password", "новыйпароль1")
			.param("confirm", "новыйпароль1")).andExpect(redirectedUrl("/login?reset"));
		mvc.perform(post("/login").with(csrf()).param("username", a.login()).param("password", "новыйпароль1"))
			.andExpect(redirectedUrl("/"));
		// once
		mvc.perform(post("/signin/reset").with(csrf()).param("token", token).param("password", "другойпароль2")
			.param("confirm", "другойпароль2")).andExpect(status().isOk())
			.andExpect(content().string(containsString("уже использована")));
		assertThat(audit.of(a.id())).anyMatch(e -> "PASSWORD_RESET".equals(e.kind()) && e.outcome() == Outcome.SUCCESS
				&& "changed".equals(e.detail()));
	}

	@Test
	void theAnswerIsTheSameForUnknownAndUnconfirmedAndNoMailIsSent() throws Exception {
		Account a = person("unconfirmed@example.ru");
		int before = MAIL.getReceivedMessages().length;
		String unknown = mvc.perform(post("/signin/forgot").with(csrf()).param("who", "nobody-here"))
			.andReturn().getResponse().getContentAsString();
		String unconfirmed = mvc.perform(post("/signin/forgot").with(csrf()).param("who", a.login()))
			.andReturn().getResponse().getContentAsString();
		assertThat(unknown).contains("Если такая учётная запись есть");
		assertThat(unconfirmed).contains("Если такая учётная запись есть");
		assertThat(MAIL.getReceivedMessages()).hasSize(before);
	}

	@Test
	void anExpiredLinkIsRefusedWithAClearPage() throws Exception {
		Account a = person("expired@example.ru");
		String token = tokens.issue(a.id(), EmailTokens.Purpose.RESET, "expired@example.ru", Duration.ofMinutes(-1));
		mvc.perform(get("/signin/reset").param("token", token)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Срок действия ссылки истёк")));
		mvc.perform(post("/signin/reset").with(csrf()).param("token", token).param("password", "новыйпароль1")
			.param("confirm", "новыйпароль1")).andExpect(content().string(containsString("Срок действия ссылки истёк")));
		mvc.perform(get("/signin/reset").param("token", "garbage")).andExpect(content().string(containsString("недействительна")));
	}
}
