package ru.eschool.school.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import ru.eschool.school.internal.roster.RosterFile;

/**
 * A roster upload larger than the servlet's multipart limit would fail while the security filters
 * read the CSRF field (Tomcat refuses to parse the body), and the person would see a bare error.
 * This filter runs first and, from the declared length alone, sends them back to the upload page
 * with a message. The page also checks the size in the browser before sending (app.js).
 */
@Configuration(proxyBeanMethods = false)
class RosterUploadLimit {

	/** spring.servlet.multipart.max-request-size: the file limit plus room for the form's other fields. */
	static final long MAX_REQUEST = RosterFile.MAX_BYTES + 1024 * 1024;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> rosterUploadLimitFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > MAX_REQUEST) {
					response.sendRedirect(request.getContextPath() + "/admin/import?tooBig=1");
					return;
				}
				chain.doFilter(request, response);
			}
		});
		registration.addUrlPatterns("/admin/import");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}
}
