package ru.eschool.notification.internal;

/**
 * The addresses of in-process mail and SMS servers that stand in for the real ones (the demo's
 * outbox): when such a bean exists, the senders use it instead of {@code eschool.notification.mail/sms}.
 */
public interface LocalServers {

	String host();

	int smtpPort();

	int smppPort();

	String smppSystemId();

	String smppPassword();
}
