package ru.eschool.shared.web;

import java.io.IOException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload larger than the servlet's multipart limit cannot even be read for its CSRF field
 * (Tomcat refuses to parse the body), and the person would see a bare error. A module's filter
 * made here runs before security and, from the declared length alone, sends them back to the form
 * with {@code ?tooBig=1}, which the form turns into a message. Each file's own limit is checked by
 * the form itself.
 */
public final class UploadLimit {

	private UploadLimit() {
	}

	/**
	 * A filter for POSTs to paths matching {@code form} (and registered on {@code urlPatterns}) whose
	 * declared length exceeds {@code maxRequest}; {@code back} gives the form's path from the match.
	 */
	public static FilterRegistrationBean<OncePerRequestFilter> filter(long maxRequest, Pattern form,
			Function<Matcher, String> back, String... urlPatterns) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Matcher m = form.matcher(request.getRequestURI().substring(request.getContextPath().length()));
				if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > maxRequest && m.matches()) {
					response.sendRedirect(request.getContextPath() + back.apply(m) + "?tooBig=1");
					return;
				}
				chain.doFilter(request, response);
			}
		});
		registration.addUrlPatterns(urlPatterns);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}
}
