package ru.eschool.timetable;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application prepares or creates, by wrapping the DataSource.
 * Import {@link Config} into a test to use it; {@link #reset()} before a request, {@link #count()} after.
 */
final class StatementCounter {

	private static final AtomicInteger COUNT = new AtomicInteger();

	private StatementCounter() {
	}

	static void reset() {
		COUNT.set(0);
	}

	static int count() {
		return COUNT.get();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		static BeanPostProcessor statementCountingDataSource() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass())) {
						return proxy(DataSource.class, ds, (target, method, args) -> {
							Object result = invoke(target, method, args);
							return result instanceof Connection c ? proxy(Connection.class, c, (t, m, a) -> {
								if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
									COUNT.incrementAndGet();
								}
								return invoke(t, m, a);
							}) : result;
						});
					}
					return bean;
				}
			};
		}
	}

	@FunctionalInterface
	interface Handler {

		Object handle(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
	}

	@SuppressWarnings("unchecked")
	static <T> T proxy(Class<T> type, T target, Handler handler) {
		InvocationHandler h = (p, m, a) -> handler.handle(target, m, a);
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, h);
	}

	static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}
}
