package ru.eschool.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * At most {@code eschool.web.concurrent-requests} pages are worked on at once; the others wait
 * their turn, first come first served. With 32 requests at once on two cores every request
 * otherwise shares the CPU with all the others and the slowest wait longest: the diary week's p99
 * at 32 connections was 81 ms with Tomcat's 200 threads and 42 ms with eight at a time, at the
 * same rate (docs/benchmarks.md; ADR 0014). The default is two a core when the database runs on
 * this machine (embedded, or at a loopback address), since it then shares the cores; four a core
 * when it is elsewhere, since each request then also waits on the network.
 *
 * <p>Tomcat keeps its 200 threads, so that slow links cannot starve the server: requests that
 * may last as long as the person's connection are not gated (uploads, which are multipart; file
 * downloads, whose paths hold {@code /files/}; static files), and a request that has waited
 * {@code eschool.web.gate-wait} goes ahead anyway.
 */
@Configuration(proxyBeanMethods = false)
class ConcurrencyGate {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> concurrencyGateFilter(
			@Value("${eschool.web.concurrent-requests:0}") int concurrent,
			@Value("${eschool.web.gate-wait:PT2S}") Duration wait, @Value("${spring.datasource.url:}") String databaseUrl) {
		int permits = permits(concurrent, databaseUrl, Runtime.getRuntime().availableProcessors());
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Gate(permits, wait));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** The number configured, or else two a core with the database on this machine and four without. */
	static int permits(int configured, String databaseUrl, int cores) {
		if (configured > 0) {
			return configured;
		}
		return (databaseOnThisMachine(databaseUrl) ? 2 : 4) * cores;
	}

	/** An embedded database, or a server at a loopback address (PostgreSQL's URL without a host means localhost). */
	static boolean databaseOnThisMachine(String url) {
		if (url.startsWith("jdbc:h2:")) {
			return !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
		}
		int start = url.indexOf("://");
		if (start < 0) {
			return url.startsWith("jdbc:postgresql:");
		}
		String rest = url.substring(start + 3);
		String host;
		if (rest.startsWith("[")) {
			host = rest.substring(1, Math.max(1, rest.indexOf(']')));
		}
		else {
			int end = rest.length();
			for (char c : new char[] { ':', '/', '?', ',' }) {
				int i = rest.indexOf(c);
				if (i >= 0 && i < end) {
					end = i;
				}
			}
			host = rest.substring(0, end);
		}
		return host.isEmpty() || host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("::1");
	}

	static final class Gate extends OncePerRequestFilter {

		private final Semaphore permits;
		private final long waitNanos;

		Gate(int permits, Duration wait) {
			this.permits = new Semaphore(permits, true);
			this.waitNanos = wait.toNanos();
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			String uri = request.getRequestURI();
			String type = request.getContentType();
			return (type != null && type.startsWith("multipart/")) || uri.contains("/files/") || uri.startsWith("/css/")
					|| uri.startsWith("/js/") || uri.startsWith("/favicon");
		}

		@Override
		protected boolean shouldNotFilterAsyncDispatch() {
			return true;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			boolean acquired;
			try {
				acquired = permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new ServletException("interrupted while waiting for a turn", e);
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				if (acquired) {
					permits.release();
				}
			}
		}
	}
}
