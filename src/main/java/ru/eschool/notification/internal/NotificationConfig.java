package ru.eschool.notification.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The dispatcher polls on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfig {
}
