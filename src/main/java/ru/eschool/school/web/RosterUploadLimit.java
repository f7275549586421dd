package ru.eschool.school.web;

import java.util.regex.Pattern;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import ru.eschool.school.internal.roster.RosterFile;
import ru.eschool.shared.web.UploadLimit;

/**
 * A roster upload over the servlet's multipart limit goes back to the upload page with a message
 * ({@link UploadLimit}). The page also checks the size in the browser before sending (app.js).
 */
@Configuration(proxyBeanMethods = false)
class RosterUploadLimit {

	/** spring.servlet.multipart.max-request-size: the file limit plus room for the form's other fields. */
	static final long MAX_REQUEST = RosterFile.MAX_BYTES + 1024 * 1024;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> rosterUploadLimitFilter() {
		return UploadLimit.filter(MAX_REQUEST, Pattern.compile("/admin/import"), m -> "/admin/import", "/admin/import");
	}
}
