package ru.eschool.identity.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spring Session writes a session's last-access time on every request, so every page view, even a
 * read, ended in a row update and a commit (docs/benchmarks.md, region scale). This repository
 * wraps Spring Session's JDBC one and passes a new last access on only when the stored one is
 * older than {@code eschool.identity.session-touch} (a minute); a request that changed nothing
 * else then saves nothing: no statement, no connection. An attribute, the principal, the id or the
 * timeout is written at once, as before. The cost: a session may be purged up to that long before
 * its idle timeout, and the account page shows the last access to within that time.
 * {@code PT0S} writes every request, as Spring Session does. The session is also read once a
 * request, without a transaction, and its security context deserialised once per distinct bytes
 * (ADR 0014).
 */
@Configuration(proxyBeanMethods = false)
class SessionTouch {

	/**
	 * Spring Session's filter, rebuilt around the wrapping repository (a repository bean of our
	 * own would make Spring Boot's JDBC session configuration back off altogether), and Spring
	 * Session's transactions, given to its configuration before it builds the JDBC repository.
	 */
	@Bean
	static BeanPostProcessor touchLimitedSessionFilter(ObjectProvider<JdbcIndexedSessionRepository> jdbc,
			ObjectProvider<HttpSessionIdResolver> resolver, ObjectProvider<CookieSerializer> cookies,
			ObjectProvider<PlatformTransactionManager> transactions,
			@Value("${eschool.identity.session-touch:PT1M}") Duration touch) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof JdbcHttpSessionConfiguration configuration) {
					configuration.setTransactionOperations(loadWithoutTransaction(transactions.getObject()));
					configuration.setSpringSessionConversionService(attributeConversions(SessionTouch.class.getClassLoader()));
				}
				return bean;
			}

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!(bean instanceof SessionRepositoryFilter<?>)) {
					return bean;
				}
				SessionRepositoryFilter<Session> filter = new SessionRepositoryFilter<>(wrap(jdbc.getObject(), touch));
				filter.setHttpSessionIdResolver(resolver.getIfAvailable(() -> {
					CookieHttpSessionIdResolver byCookie = new CookieHttpSessionIdResolver();
					cookies.ifAvailable(byCookie::setCookieSerializer);
					return byCookie;
				}));
				return filter;
			}
		};
	}

	/**
	 * Spring Session's filter looks the session up a second time when the response was committed
	 * before the filter ended (every page larger than the response buffer): this outermost filter
	 * lets the repository answer a repeated lookup within one request from the session it loaded.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> sessionLookupMemo() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Repository.LOADED.remove();
				try {
					chain.doFilter(request, response);
				}
				finally {
					Repository.LOADED.remove();
				}
			}
		});
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	/**
	 * Spring Session's own transactions (a new one for each operation), except that loading a
	 * session, one select, runs without: no BEGIN and COMMIT around every request's lookup.
	 */
	static TransactionOperations loadWithoutTransaction(PlatformTransactionManager transactions) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new TransactionOperations() {
			@Override
			public <T> @Nullable T execute(TransactionCallback<T> action) {
				return Repository.LOADING.get() != null ? action.doInTransaction(new SimpleTransactionStatus(false))
						: template.execute(action);
			}
		};
	}

	/** Spring Session's own conversions of attributes (Java serialization), deserialising through {@link KnownContexts}. */
	static ConversionService attributeConversions(ClassLoader loader) {
		GenericConversionService conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversions.addConverter(byte[].class, Object.class, new KnownContexts(new DeserializingConverter(loader), 4096));
		return conversions;
	}

	/**
	 * Deserialising the security context from the session's bytes took a tenth of a page's time
	 * (docs/benchmarks.md). The same bytes give the same context, so contexts already read are kept
	 * by their bytes (at most {@code max}; all are forgotten when full) and each request gets a
	 * copy of its own: a logout that clears its context clears only its copy. The authentication in
	 * it is shared, as it is between the requests of one session in any servlet session. Other
	 * attributes are deserialised every time.
	 */
	static final class KnownContexts implements Converter<byte[], Object> {

		private final Converter<byte[], Object> deserializer;
		private final int max;
		private final Map<ByteBuffer, SecurityContext> known = new ConcurrentHashMap<>();

		KnownContexts(Converter<byte[], Object> deserializer, int max) {
			this.deserializer = deserializer;
			this.max = max;
		}

		@Override
		public Object convert(byte[] bytes) {
			ByteBuffer key = ByteBuffer.wrap(bytes);
			SecurityContext context = known.get(key);
			if (context == null) {
				Object value = deserializer.convert(bytes);
				if (value == null || value.getClass() != SecurityContextImpl.class) {
					return value;
				}
				context = (SecurityContext) value;
				if (known.size() >= max) {
					known.clear();
				}
				known.put(ByteBuffer.wrap(bytes.clone()), context);
			}
			return new SecurityContextImpl(context.getAuthentication());
		}
	}

	static Repository wrap(JdbcIndexedSessionRepository jdbc, Duration touch) {
		@SuppressWarnings({ "unchecked", "rawtypes" })
		FindByIndexNameSessionRepository<Session> delegate = (FindByIndexNameSessionRepository) jdbc;
		return new Repository(delegate, touch);
	}

	/** The wrapping repository: every session it hands out is a {@link Touched}. */
	static final class Repository implements FindByIndexNameSessionRepository<Session> {

		/** Set while a session is loaded: the select then runs without a transaction. */
		static final ThreadLocal<Boolean> LOADING = new ThreadLocal<>();
		/** The session this thread loaded in the current request (see {@code sessionLookupMemo}). */
		static final ThreadLocal<Touched> LOADED = new ThreadLocal<>();

		private final FindByIndexNameSessionRepository<Session> delegate;
		private final Duration touch;

		Repository(FindByIndexNameSessionRepository<Session> delegate, Duration touch) {
			this.delegate = delegate;
			this.touch = touch;
		}

		@Override
		public Session createSession() {
			Touched s = new Touched(delegate.createSession(), touch);
			s.dirty = true;
			return s;
		}

		@Override
		public void save(Session session) {
			if (session instanceof Touched t) {
				if (t.dirty) {
					if (t.access != null) {
						t.session.setLastAccessedTime(t.access);
					}
					delegate.save(t.session);
					t.dirty = false;
				}
			}
			else {
				delegate.save(session);
			}
		}

		@Override
		public @Nullable Session findById(String id) {
			Touched loaded = LOADED.get();
			if (loaded != null && loaded.getId().equals(id)) {
				return loaded;
			}
			Session found;
			LOADING.set(Boolean.TRUE);
			try {
				found = delegate.findById(id);
			}
			finally {
				LOADING.remove();
			}
			if (found == null) {
				return null;
			}
			Touched session = new Touched(found, touch);
			LOADED.set(session);
			return session;
		}

		@Override
		public void deleteById(String id) {
			LOADED.remove();
			delegate.deleteById(id);
		}

		@Override
		public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			Map<String, Session> result = new LinkedHashMap<>();
			delegate.findByIndexNameAndIndexValue(indexName, indexValue).forEach((id, s) -> result.put(id, new Touched(s, touch)));
			return result;
		}
	}

	/**
	 * A session that remembers whether anything worth writing changed; a new last access counts
	 * only when the stored one is at least {@code touch} old.
	 */
	static final class Touched implements Session {

		final Session session;
		private final Duration touch;
		boolean dirty;
		/** The last access asked for; written with anything else that is written. */
		@Nullable Instant access;

		Touched(Session session, Duration touch) {
			this.session = session;
			this.touch = touch;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			access = lastAccessedTime;
			if (Duration.between(session.getLastAccessedTime(), lastAccessedTime).compareTo(touch) >= 0) {
				dirty = true;
			}
		}

		@Override
		public String getId() {
			return session.getId();
		}

		@Override
		public String changeSessionId() {
			dirty = true;
			return session.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			dirty = true;
			session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			dirty = true;
			session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return session.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return access != null ? access : session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			dirty = true;
			session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return session.isExpired();
		}
	}
}
