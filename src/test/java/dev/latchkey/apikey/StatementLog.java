package dev.latchkey.apikey;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records every SQL statement the application sends, with the thread that sent it, so a test can count the
 * statements one call made on its own thread (background pollers and flushes use other threads).
 */
final class StatementLog implements BeanPostProcessor {

	record Sent(Thread thread, String sql) {

		boolean isRead() {
			return this.sql.strip().toLowerCase(Locale.ROOT).startsWith("select");
		}

	}

	private final List<Sent> sent = new CopyOnWriteArrayList<>();

	List<Sent> sentBy(Thread thread) {
		return this.sent.stream().filter((s) -> s.thread() == thread).toList();
	}

	void reset() {
		this.sent.clear();
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof Recording)) {
			return new Recording(dataSource);
		}
		return bean;
	}

	private final class Recording extends DelegatingDataSource {

		Recording(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return record(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return record(super.getConnection(username, password));
		}

		private Connection record(Connection connection) {
			return proxy(Connection.class, connection, (method, args) -> {
				if (method.getName().startsWith("prepare")) {
					note(args[0]);
				}
			}, (method, result) -> method.getName().equals("createStatement")
					? proxy(Statement.class, (Statement) result, (m, a) -> {
						if (m.getName().startsWith("execute") && a != null && a.length > 0) {
							note(a[0]);
						}
					}, (m, r) -> r) : result);
		}

		private void note(Object sql) {
			StatementLog.this.sent.add(new Sent(Thread.currentThread(), String.valueOf(sql)));
		}

	}

	private interface Before {

		void on(Method method, Object[] args);

	}

	private interface After {

		Object on(Method method, Object result);

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Before before, After after) {
		InvocationHandler handler = (p, method, args) -> {
			before.on(method, args);
			try {
				return after.on(method, method.invoke(target, args));
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		};
		return (T) Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

}
