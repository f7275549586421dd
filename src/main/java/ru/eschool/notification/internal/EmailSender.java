package ru.eschool.notification.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.mail.internet.MimeMessage;
import ru.eschool.notification.internal.Deliveries.Due;
import ru.eschool.notification.internal.Preferences.Preference;

/**
 * E-mail over SMTP (Spring Mail): a multipart message with a plain-text and an HTML part, both in
 * the recipient's language; one notification, or a daily digest of several.
 */
@Component
class EmailSender implements Sender {

	private final NotificationProperties.Mail mail;
	private final @Nullable LocalServers local;
	private final TemplateEngine templates;
	private volatile @Nullable JavaMailSenderImpl sender;

	EmailSender(NotificationProperties props, ObjectProvider<LocalServers> local, TemplateEngine templates) {
		this.mail = props.mail();
		this.local = local.getIfAvailable();
		this.templates = templates;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public boolean on() {
		return local != null || mail.on();
	}

	@Override
	public @Nullable String send(List<Due> items, Preference to) throws Exception {
		if (to.email() == null) {
			throw new Permanent("no e-mail address");
		}
		Locale locale = to.locale();
		JavaMailSenderImpl smtp = smtp();
		MimeMessage message = smtp.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(mail.from());
		helper.setTo(to.email());
		String subject = items.size() == 1 ? Texts.title(items.get(0).kind(), locale) + ": " + Texts.line(items.get(0).text(), locale)
				: ru.eschool.shared.web.I18n.msg(locale, "notification.mail.digestSubject", items.size());
		helper.setSubject(subject.length() > 150 ? subject.substring(0, 150) + "…" : subject);
		List<String> lines = items.stream().map(d -> Texts.line(d.text(), locale)).toList();
		StringBuilder text = new StringBuilder();
		lines.forEach(l -> text.append("• ").append(l).append("\n"));
		text.append("\n").append(ru.eschool.shared.web.I18n.msg(locale, "notification.mail.footer"));
		helper.setText(text.toString(), html(lines, locale));
		smtp.send(message);
		return message.getMessageID();
	}

	private String html(List<String> lines, Locale locale) {
		Locale before = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(locale);
		try {
			StringOutput out = new StringOutput();
			templates.render("notification/mail.jte", Map.of("lines", lines, "lang", locale.getLanguage()), out);
			return out.toString();
		}
		finally {
			LocaleContextHolder.setLocale(before);
		}
	}

	private JavaMailSenderImpl smtp() {
		JavaMailSenderImpl s = sender;
		if (s == null) {
			s = new JavaMailSenderImpl();
			s.setHost(local != null ? local.host() : mail.host());
			s.setPort(local != null ? local.smtpPort() : mail.port());
			if (local == null && mail.username() != null && !mail.username().isBlank()) {
				s.setUsername(mail.username());
				s.setPassword(mail.password());
			}
			s.setDefaultEncoding("UTF-8");
			Properties p = s.getJavaMailProperties();
			p.put("mail.smtp.auth", String.valueOf(local == null && mail.username() != null && !mail.username().isBlank()));
			p.put("mail.smtp.starttls.enable", String.valueOf(local == null && mail.starttls()));
			p.put("mail.smtp.connectiontimeout", "10000");
			p.put("mail.smtp.timeout", "10000");
			p.put("mail.smtp.writetimeout", "10000");
			sender = s;
		}
		return s;
	}
}
