package ru.eschool.notification.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * The demo's stand-ins for the mail server and the SMSC: GreenMail (SMTP) and the in-process
 * jsmpp SMSC, each on a free local port, so that e-mail and SMS really go out over SMTP and SMPP
 * and the outbox page shows what arrived. Demo profile only.
 */
@Component
@Profile("demo")
public class DemoServers implements LocalServers, DisposableBean {

	/** An e-mail as the outbox shows it. */
	public record Mail(String to, String subject, String text) {
	}

	private final GreenMail mail;
	private final InProcessSmsc smsc;

	DemoServers() {
		mail = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
		mail.start();
		try {
			int port;
			try (ServerSocket s = new ServerSocket(0)) {
				port = s.getLocalPort();
			}
			smsc = new InProcessSmsc(port, "demo", "demo").start();
		}
		catch (IOException e) {
			mail.stop();
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public String host() {
		return "127.0.0.1";
	}

	@Override
	public int smtpPort() {
		return mail.getSmtp().getPort();
	}

	@Override
	public int smppPort() {
		return smsc.port();
	}

	@Override
	public String smppSystemId() {
		return "demo";
	}

	@Override
	public String smppPassword() {
		return "demo";
	}

	/** The e-mails received, newest first. */
	public List<Mail> mails() {
		List<Mail> out = new ArrayList<>();
		for (MimeMessage m : mail.getReceivedMessages()) {
			try {
				String body = GreenMailUtil.getBody(m);
				out.add(0, new Mail(m.getAllRecipients()[0].toString(), m.getSubject(), plainPart(m, body)));
			}
			catch (Exception e) {
				// an unreadable message is left out
			}
		}
		return out;
	}

	private static String plainPart(MimeMessage m, String fallback) throws Exception {
		if (m.getContent() instanceof jakarta.mail.internet.MimeMultipart mp) {
			String text = find(mp);
			if (text != null) {
				return text;
			}
		}
		return fallback;
	}

	private static String find(jakarta.mail.internet.MimeMultipart mp) throws Exception {
		for (int i = 0; i < mp.getCount(); i++) {
			var part = mp.getBodyPart(i);
			if (part.getContent() instanceof jakarta.mail.internet.MimeMultipart inner) {
				String t = find(inner);
				if (t != null) {
					return t;
				}
			}
			else if (part.isMimeType("text/plain")) {
				return part.getContent().toString();
			}
		}
		return null;
	}

	/** The SMS received, newest first. */
	public List<InProcessSmsc.Sms> sms() {
		List<InProcessSmsc.Sms> all = new ArrayList<>(smsc.received());
		java.util.Collections.reverse(all);
		return all;
	}

	@Override
	public void destroy() {
		smsc.stop();
		mail.stop();
	}
}
