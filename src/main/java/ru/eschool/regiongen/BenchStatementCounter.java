package ru.eschool.regiongen;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Only under the Spring profile {@code bench} (bench/run turns it on): counts the SQL statements
 * the application prepares or creates, on every thread, and answers the count at
 * {@code GET /bench/sql-statements} (signed in), so the benchmark can divide the difference over
 * a run by its requests. Production never has the profile, so neither the wrapper nor the page.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchStatementCounter {

	static final AtomicLong STATEMENTS = new AtomicLong();

	@Bean
	static BeanPostProcessor benchStatementCountingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof DataSource ds && !(bean instanceof Counting) ? new Counting(ds) : bean;
			}
		};
	}

	@RestController
	@Profile("bench")
	static class Endpoint {

		@GetMapping("/bench/sql-statements")
		Map<String, Long> statements() {
			return Map.of("statements", STATEMENTS.get());
		}
	}

	static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counting(super.getConnection());
		}

		@Override
		public Connection getConnection(String user, String password) throws SQLException {
			return counting(super.getConnection(user, password));
		}

		private static Connection counting(Connection target) {
			InvocationHandler handler = (proxy, method, args) -> {
				String m = method.getName();
				if (m.equals("prepareStatement") || m.equals("createStatement") || m.equals("prepareCall")) {
					STATEMENTS.incrementAndGet();
				}
				try {
					return method.invoke(target, args);
				}
				catch (InvocationTargetException e) {
					throw e.getCause();
				}
			};
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
					handler);
		}
	}
}
