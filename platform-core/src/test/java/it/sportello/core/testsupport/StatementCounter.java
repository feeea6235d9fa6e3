package it.sportello.core.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records the SQL statements the current thread sends through the application's data source while
 * {@link #during(Runnable)} runs, to count what a piece of work costs the database. A schema switch on a connection is
 * a round trip too, and is recorded as {@code set schema}, as are commits and rollbacks.
 */
public final class StatementCounter implements BeanPostProcessor {

	private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();

	/** The statements the work sent, in order. */
	public static List<String> during(Runnable work) {
		List<String> recorded = new ArrayList<>();
		RECORDED.set(recorded);
		try {
			work.run();
		}
		finally {
			RECORDED.remove();
		}
		return recorded;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
			return new Counting(dataSource);
		}
		return bean;
	}

	private static void record(String sql) {
		List<String> recorded = RECORDED.get();
		if (recorded != null) {
			recorded.add(sql);
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T recording(T target, Class<T> type) {
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if (args != null && args.length > 0 && args[0] instanceof String sql
					&& (name.startsWith("prepare") || name.startsWith("execute") || name.equals("addBatch"))) {
				record(sql);
			}
			else if (name.equals("setSchema")) {
				record("set schema " + args[0]);
			}
			else if (name.equals("commit") || name.equals("rollback")) {
				record(name);
			}
			Object result = invoke(target, method, args);
			if (result instanceof Statement statement && name.equals("createStatement")) {
				return recording(statement, Statement.class);
			}
			return result;
		};
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return recording(super.getConnection(), Connection.class);
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return recording(super.getConnection(username, password), Connection.class);
		}
	}
}
