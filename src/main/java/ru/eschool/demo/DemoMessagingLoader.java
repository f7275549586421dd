package ru.eschool.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.eschool.messaging.DemoMessaging;

/**
 * A few conversations between the demo accounts and one school announcement, so that the message
 * pages have something to show. Runs when the application is ready, after the other demo loaders.
 */
@Component
@Profile("demo")
class DemoMessagingLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoMessagingLoader.class);

	private final DemoMessaging messaging;

	DemoMessagingLoader(DemoMessaging messaging) {
		this.messaging = messaging;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void load() {
		long start = System.nanoTime();
		int written = messaging.load(DemoAccountList.PARENT, DemoAccountList.TEACHER, DemoAccountList.STUDENT,
				DemoAccountList.SCHOOL_ADMIN);
		if (written > 0) {
			log.info("Demo messages: {} in {} ms", written, (System.nanoTime() - start) / 1_000_000);
		}
	}
}
