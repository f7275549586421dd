package ru.eschool.messaging.web;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A message larger than the servlet's multipart limit cannot even be read for its CSRF field; like
 * homework's, this filter sends the person back to the form with a message, judged from the
 * declared length alone. The file's own 10 MB limit is checked by the form with its message.
 */
@Configuration(proxyBeanMethods = false)
class MessageUploadLimit {

	static final int MAX_REQUEST_MB = 31;
	static final long MAX_REQUEST = MAX_REQUEST_MB * 1024L * 1024;
	private static final Pattern FORM = Pattern.compile("/messages(/\\d+)?");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> messageUploadLimitFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Matcher m = FORM.matcher(request.getRequestURI().substring(request.getContextPath().length()));
				if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > MAX_REQUEST && m.matches()) {
					String back = m.group(1) == null ? "/messages/new" : "/messages" + m.group(1);
					response.sendRedirect(request.getContextPath() + back + "?tooBig=1");
					return;
				}
				chain.doFilter(request, response);
			}
		});
		registration.addUrlPatterns("/messages", "/messages/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}
}
