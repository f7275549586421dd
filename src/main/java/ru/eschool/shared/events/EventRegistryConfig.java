package ru.eschool.shared.events;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.events.core.EventPublicationRepository;

/** The event registry's repository as the application uses it: {@link DeferredCompletions} (ADR 0016). */
@Configuration(proxyBeanMethods = false)
class EventRegistryConfig {

	@Bean
	@Primary
	@ConditionalOnProperty(name = "spring.modulith.events.completion-mode", havingValue = "delete")
	DeferredCompletions deferredCompletions(
			@Qualifier("jdbcEventPublicationRepository") EventPublicationRepository jdbc,
			@Value("${eschool.events.delete-completed-every:200ms}") Duration interval) {
		return new DeferredCompletions(jdbc, interval);
	}
}
