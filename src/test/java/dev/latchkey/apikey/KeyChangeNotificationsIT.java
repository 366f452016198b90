package dev.latchkey.apikey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import dev.latchkey.shared.Actor;
import dev.latchkey.support.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database: how B learns of a change made on A. The notification path, the poll
 * that catches what a lost notification did not bring, the listener's reconnect after its connection is dropped,
 * and that B evicts only the key that changed. Waits are bounded, but nothing here asserts a duration: how fast
 * it is belongs to bench/revocation.sh.
 */
class KeyChangeNotificationsIT {

	static String url;

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static CreatedApiKey adminKey;

	@BeforeAll
	static void startTwoInstances() {
		url = EmbeddedPostgres.newDatabase();
		a = ApplicationInstances.start(url, "postgres", "postgres");
		b = ApplicationInstances.start(url, "postgres", "postgres");
		adminKey = ApplicationInstances.tenantWithKey(a);
	}

	@AfterAll
	static void stop() {
		b.close();
		a.close();
	}

	@Test
	void aChangeOnOneInstanceEvictsOnlyThatKeyOnTheOther() throws Exception {
		CreatedApiKey changed = create();
		CreatedApiKey untouched = create();
		assertThat(call(b, changed.token())).isEqualTo(200);
		assertThat(call(b, untouched.token())).isEqualTo(200);

		service(a).deactivate(admin(), changed.key().publicId());

		awaitStatus(b, changed.token(), 401);
		assertThat(cache(b).lookup(TokenDigest.of(untouched.token())))
			.as("the other key is still answered from B's memory")
			.isNotNull()
			.extracting(CachedCredential::keyId)
			.isEqualTo(untouched.key().id());
	}

	@Test
	void whenTheNotificationIsMissedThePollStillCatchesTheChange() throws Exception {
		CreatedApiKey created = create();
		assertThat(call(b, created.token())).isEqualTo(200);
		KeyChangeListener listener = b.getBean(KeyChangeListener.class);
		listener.stop();
		try {
			awaitListenerBackends(1);

			service(a).deactivate(admin(), created.key().publicId());

			awaitStatus(b, created.token(), 401);
		}
		finally {
			listener.start();
		}
	}

	@Test
	void aDroppedListeningConnectionIsReopened() throws Exception {
		awaitListenerBackends(2);
		Set<Integer> before = listenerBackends();
		try (Connection admin = DriverManager.getConnection(url, "postgres", "postgres");
				Statement statement = admin.createStatement()) {
			statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
					+ KeyChangeListener.APPLICATION_NAME + "'");
		}

		Set<Integer> after = awaitListenerBackends(2);
		assertThat(after).as("new connections, not the dropped ones").doesNotContainAnyElementsOf(before);

		CreatedApiKey created = create();
		assertThat(call(b, created.token())).isEqualTo(200);
		service(a).deactivate(admin(), created.key().publicId());
		awaitStatus(b, created.token(), 401);
	}

	private static Set<Integer> awaitListenerBackends(int count) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Set<Integer> backends = listenerBackends();
		while (backends.size() != count && System.nanoTime() < deadline) {
			Thread.sleep(50);
			backends = listenerBackends();
		}
		assertThat(backends).as("listening connections").hasSize(count);
		return backends;
	}

	private static Set<Integer> listenerBackends() throws SQLException {
		Set<Integer> pids = new HashSet<>();
		try (Connection admin = DriverManager.getConnection(url, "postgres", "postgres");
				Statement statement = admin.createStatement();
				ResultSet rows = statement.executeQuery("select pid from pg_stat_activity where application_name = '"
						+ KeyChangeListener.APPLICATION_NAME + "'")) {
			while (rows.next()) {
				pids.add(rows.getInt(1));
			}
		}
		return pids;
	}

	/** Bounded wait for the status; fails if it never comes. */
	private static void awaitStatus(ConfigurableApplicationContext instance, String token, int status)
			throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		int last = call(instance, token);
		while (last != status && System.nanoTime() < deadline) {
			Thread.sleep(10);
			last = call(instance, token);
		}
		assertThat(last).isEqualTo(status);
	}

	private static int call(ConfigurableApplicationContext instance, String token) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port")
					+ "/api/hello_world/authenticated"))
			.header("x-api-key", token)
			.timeout(Duration.ofSeconds(10))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static CredentialCache cache(ConfigurableApplicationContext instance) {
		return instance.getBean(CredentialCache.class);
	}

	private static CreatedApiKey create() {
		return service(a).create(admin(), new NewApiKey("notifications " + System.nanoTime(), null, null));
	}

	private static ApiKeyService service(ConfigurableApplicationContext instance) {
		return instance.getBean(ApiKeyService.class);
	}

	private static Actor admin() {
		AuthenticatedKey key = a.getBean(ApiKeyAuthenticator.class).authenticate(adminKey.token()).orElseThrow();
		return Actor.apiKey(key.tenantId(), key.owner(), key.keyId(), "127.0.0.1");
	}

}
