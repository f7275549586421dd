package ru.eschool.identity.internal;

import java.util.Properties;

import org.springframework.core.env.Environment;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends the identity module's own mail (address confirmation, password reset) at once, through
 * the SMTP server configured under {@code eschool.notification.mail.*}. Not through the
 * notification module: that would be a dependency cycle, and a one-time link must not sit in the
 * event publication table, the in-app feed or a digest.
 */
@Component
public class IdentityMail {

	private final Environment env;

	IdentityMail(Environment env) {
		this.env = env;
	}

	public boolean on() {
		return !env.getProperty("eschool.notification.mail.host", "").isBlank();
	}

	public void send(String to, String subject, String text) {
		JavaMailSenderImpl smtp = new JavaMailSenderImpl();
		smtp.setHost(env.getProperty("eschool.notification.mail.host"));
		smtp.setPort(env.getProperty("eschool.notification.mail.port", Integer.class, 587));
		String user = env.getProperty("eschool.notification.mail.username", "");
		if (!user.isBlank()) {
			smtp.setUsername(user);
			smtp.setPassword(env.getProperty("eschool.notification.mail.password"));
		}
		smtp.setDefaultEncoding("UTF-8");
		Properties p = smtp.getJavaMailProperties();
		p.put("mail.smtp.auth", String.valueOf(!user.isBlank()));
		p.put("mail.smtp.starttls.enable", env.getProperty("eschool.notification.mail.starttls", "true"));
		p.put("mail.smtp.connectiontimeout", "10000");
		p.put("mail.smtp.timeout", "10000");
		SimpleMailMessage m = new SimpleMailMessage();
		m.setFrom(env.getProperty("eschool.notification.mail.from", "e-school@localhost"));
		m.setTo(to);
		m.setSubject(subject);
		m.setText(text);
		smtp.send(m);
	}
}
