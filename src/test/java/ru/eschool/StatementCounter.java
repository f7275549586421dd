package ru.eschool;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread prepares while counting is on: import it into a
 * test ({@code @Import(StatementCounter.class)}) and wrap a request in {@link #count(Action)}. It
 * wraps the application's DataSource, so every JdbcClient, Flyway or session statement counts.
 */
@TestComponent
public class StatementCounter implements BeanPostProcessor {

	private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();
	private static final Set<String> PREPARING = Set.of("prepareStatement", "createStatement", "prepareCall");

	@FunctionalInterface
	public interface Action {
		void run() throws Exception;
	}

	/** The number of statements the action ran on this thread. */
	public static int count(Action action) throws Exception {
		int[] n = { 0 };
		COUNT.set(n);
		try {
			action.run();
		}
		finally {
			COUNT.remove();
		}
		return n[0];
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource ds && !(bean instanceof Counting)) {
			return new Counting(ds);
		}
		return bean;
	}

	static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String user, String password) throws SQLException {
			return counted(super.getConnection(user, password));
		}

		private static Connection counted(Connection c) {
			return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						int[] n = COUNT.get();
						if (n != null && PREPARING.contains(method.getName())) {
							n[0]++;
						}
						try {
							return method.invoke(c, args);
						}
						catch (InvocationTargetException e) {
							throw e.getCause();
						}
					});
		}
	}
}
