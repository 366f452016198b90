package dev.latchkey.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests, from the binaries io.zonky ships through Maven Central (there is no
 * Docker engine for Testcontainers). One server per test JVM; every caller gets a fresh database of its own.
 */
public final class EmbeddedPostgres {

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

	private static final AtomicInteger databases = new AtomicInteger();

	private EmbeddedPostgres() {
	}

	/** Points the application context under test at a new, empty database. */
	public static void useNewDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) {
		String url = newDatabase();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	/** @return the JDBC URL of a new, empty database */
	public static synchronized String newDatabase() {
		try {
			if (server == null) {
				server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
				Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgres::stop));
			}
			String name = "latchkey_" + databases.incrementAndGet();
			try (Connection connection = server.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create database " + name);
			}
			return server.getJdbcUrl("postgres", name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static synchronized void stop() {
		try {
			if (server != null) {
				server.close();
			}
		}
		catch (IOException ex) {
			// the JVM is going away
		}
	}

}
