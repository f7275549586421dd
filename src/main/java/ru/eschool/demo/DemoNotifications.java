package ru.eschool.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.eschool.identity.AccountIds;
import ru.eschool.notification.NotificationSetup;

/**
 * The demo parents hear of everything by e-mail and SMS, so that the demo's outbox
 * ({@code /demo/outbox}, in-process mail and SMS servers) shows what the system sends.
 */
@Component
@Profile("demo")
@Order(30)
class DemoNotifications implements ApplicationRunner {

	private final AccountIds accounts;
	private final NotificationSetup notifications;

	DemoNotifications(AccountIds accounts, NotificationSetup notifications) {
		this.accounts = accounts;
		this.notifications = notifications;
	}

	@Override
	public void run(ApplicationArguments args) {
		accounts.byLogin(DemoAccountList.PARENT).filter(id -> !notifications.hasPreferences(id))
			.ifPresent(id -> notifications.everythingByEmailAndSms(id, "parent@demo.example", "+7 914 000-00-01"));
		accounts.byLogin(DemoAccountList.TEACHER_PARENT).filter(id -> !notifications.hasPreferences(id))
			.ifPresent(id -> notifications.everythingByEmailAndSms(id, "teacher.parent@demo.example", "+7 914 000-00-02"));
	}
}
