package ru.eschool.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfig {

	/** The region's clock: dates (today, this week) are the region's, not the server's. */
	@Bean
	Clock clock(@Value("${eschool.zone:Asia/Vladivostok}") String zone) {
		return Clock.system(ZoneId.of(zone));
	}
}
