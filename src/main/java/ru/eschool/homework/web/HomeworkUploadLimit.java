package ru.eschool.homework.web;

import java.util.regex.Pattern;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import ru.eschool.shared.web.UploadLimit;

/**
 * Homework over the servlet's multipart limit (spring.servlet.multipart, 32 MB) goes back to its
 * form with a message ({@link UploadLimit}); each file's own 10 MB limit is checked by the form.
 */
@Configuration(proxyBeanMethods = false)
class HomeworkUploadLimit {

	static final int MAX_REQUEST_MB = 31;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> homeworkUploadLimitFilter() {
		return UploadLimit.filter(MAX_REQUEST_MB * 1024L * 1024,
				Pattern.compile("/homework/(lessons/\\d+|\\d+)(/hand-in)?"), m -> "/homework/" + m.group(1), "/homework/*");
	}
}
