package ru.eschool.messaging.web;

import java.util.regex.Pattern;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import ru.eschool.shared.web.UploadLimit;

/** A message over the servlet's multipart limit goes back to its form with a message ({@link UploadLimit}). */
@Configuration(proxyBeanMethods = false)
class MessageUploadLimit {

	static final int MAX_REQUEST_MB = 31;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> messageUploadLimitFilter() {
		return UploadLimit.filter(MAX_REQUEST_MB * 1024L * 1024, Pattern.compile("/messages(/\\d+)?"),
				m -> m.group(1) == null ? "/messages/new" : "/messages" + m.group(1), "/messages", "/messages/*");
	}
}
