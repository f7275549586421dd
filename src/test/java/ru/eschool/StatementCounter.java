package ru.eschool;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements a request runs, to hold read pages to a constant number whatever the
 * size of their data. Import it into a test ({@code @Import(StatementCounter.class)}); it wraps the
 * application's DataSource and counts statements prepared or created on the thread that called
 * {@link #start()} (MockMvc runs the request on the test's thread), so background jobs do not count.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

	private static final AtomicInteger COUNT = new AtomicInteger();
	private static volatile Thread counting;

	/** Starts counting on the current thread from zero. */
	public static void start() {
		COUNT.set(0);
		counting = Thread.currentThread();
	}

	/** Stops counting and returns how many statements ran since {@link #start()}. */
	public static int stop() {
		counting = null;
		return COUNT.get();
	}

	@FunctionalInterface
	public interface Action {
		void run() throws Exception;
	}

	/** The number of statements the action ran on this thread. */
	public static int count(Action action) throws Exception {
		start();
		try {
			action.run();
		}
		finally {
			stop();
		}
		return COUNT.get();
	}

	@Bean
	static BeanPostProcessor statementCountingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof DataSource ds && !(bean instanceof Counting) ? new Counting(ds) : bean;
			}
		};
	}

	static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return wrap(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return wrap(super.getConnection(username, password));
		}

		private static Connection wrap(Connection target) {
			InvocationHandler handler = (proxy, method, args) -> {
				String m = method.getName();
				if ((m.equals("prepareStatement") || m.equals("createStatement") || m.equals("prepareCall"))
						&& counting == Thread.currentThread()) {
					COUNT.incrementAndGet();
				}
				try {
					return method.invoke(target, args);
				}
				catch (InvocationTargetException e) {
					throw e.getCause();
				}
			};
			return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
					new Class<?>[] { Connection.class }, handler);
		}
	}
}
