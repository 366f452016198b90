package dev.latchkey.apikey;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, hears the notification every key change sends at commit (see {@link KeyChanges}) and has the
 * {@link KeyChangePoller} catch up at once, so another instance refuses a deactivated key within milliseconds
 * instead of a poll interval. It holds its own connection, outside the pool, on its own thread. The poll keeps
 * running as the fallback: a notification that is lost, or sent while this connection was down, is caught by the
 * next poll, and after every (re)connect the poller catches up at once. A dropped connection is re-opened with a
 * growing pause (100 ms to 5 s); a silent one is found by a validity check after a few seconds without traffic.
 *
 * <p>
 * Off on H2 (the poll alone serves), and with {@code latchkey.api-keys.cache.notifications=false}, for example
 * behind a connection pooler in transaction mode, where {@code LISTEN} does not work.
 */
@Component
class KeyChangeListener implements SmartLifecycle {

	/** How the listening connection shows in {@code pg_stat_activity}. */
	static final String APPLICATION_NAME = "latchkey-key-change-listener";

	private static final Logger log = LoggerFactory.getLogger(KeyChangeListener.class);

	private static final long MAX_PAUSE_MILLIS = 5_000;

	private static final long VALIDATE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);

	private final JdbcConnectionDetails connection;

	private final KeyChangePoller poller;

	private final boolean enabled;

	private volatile boolean running;

	private volatile Thread thread;

	private volatile Connection current;

	KeyChangeListener(ObjectProvider<JdbcConnectionDetails> connection, KeyChangePoller poller,
			CredentialCacheProperties properties) {
		this.connection = connection.getIfAvailable();
		this.poller = poller;
		this.enabled = properties.notifications() && isPostgres(this.connection);
	}

	static boolean isPostgres(JdbcConnectionDetails connection) {
		return connection != null && connection.getJdbcUrl() != null
				&& connection.getJdbcUrl().startsWith("jdbc:postgresql:");
	}

	@Override
	public synchronized void start() {
		if (!this.enabled || this.running) {
			return;
		}
		this.running = true;
		Thread listener = new Thread(this::listen, "api-key-change-listener");
		listener.setDaemon(true);
		this.thread = listener;
		listener.start();
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		closeQuietly(this.current);
		Thread listener = this.thread;
		this.thread = null;
		if (listener != null) {
			listener.interrupt();
			try {
				listener.join(TimeUnit.SECONDS.toMillis(2));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		long pause = 100;
		boolean failing = false;
		while (this.running) {
			try (Connection listening = connect()) {
				this.current = listening;
				try (Statement statement = listening.createStatement()) {
					statement.execute("LISTEN " + KeyChanges.CHANNEL);
				}
				if (failing) {
					log.info("Listening for API key changes again");
					failing = false;
				}
				pause = 100;
				// whatever changed while this instance was not listening
				this.poller.pollSoon();
				receive(listening);
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					break;
				}
				if (!failing) {
					log.warn("Lost the API key change notifications; the change-counter poll covers them until "
							+ "they are back", ex);
					failing = true;
				}
				try {
					Thread.sleep(pause);
				}
				catch (InterruptedException interrupted) {
					break;
				}
				pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
			}
			finally {
				this.current = null;
			}
		}
	}

	private void receive(Connection listening) throws SQLException {
		PGConnection notifications = listening.unwrap(PGConnection.class);
		long lastTraffic = System.nanoTime();
		while (this.running) {
			PGNotification[] received = notifications.getNotifications(1000);
			if (received != null && received.length > 0) {
				this.poller.pollSoon();
				lastTraffic = System.nanoTime();
			}
			else if (System.nanoTime() - lastTraffic > VALIDATE_AFTER_NANOS) {
				if (!listening.isValid(2)) {
					throw new SQLException("the listening connection is no longer valid");
				}
				lastTraffic = System.nanoTime();
			}
		}
	}

	private Connection connect() throws SQLException {
		Properties properties = new Properties();
		if (this.connection.getUsername() != null) {
			properties.setProperty("user", this.connection.getUsername());
		}
		if (this.connection.getPassword() != null) {
			properties.setProperty("password", this.connection.getPassword());
		}
		properties.setProperty("ApplicationName", APPLICATION_NAME);
		properties.setProperty("tcpKeepAlive", "true");
		properties.setProperty("connectTimeout", "5");
		return DriverManager.getConnection(this.connection.getJdbcUrl(), properties);
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// closing to stop; nothing to do
			}
		}
	}

}
