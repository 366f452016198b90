package dev.latchkey.apikey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.latchkey.shared.Actor;
import dev.latchkey.support.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database, both serving requests with the same key: when it is deactivated or
 * deleted through instance A, A refuses it from the next request on and B within one second.
 */
class CredentialCacheAcrossInstancesIT {

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static CreatedApiKey adminKey;

	@BeforeAll
	static void startTwoInstances() {
		String url = EmbeddedPostgres.newDatabase();
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
	void aKeyDeactivatedOnOneInstanceIsRefusedOnTheOtherWithinOneSecond() throws Exception {
		CreatedApiKey created = create();
		assertRefusedAfter(created, () -> service(a).deactivate(admin(), created.key().publicId()));
	}

	@Test
	void aKeyDeletedOnOneInstanceIsRefusedOnTheOtherWithinOneSecond() throws Exception {
		CreatedApiKey created = create();
		assertRefusedAfter(created, () -> service(a).delete(admin(), created.key().publicId()));
	}

	@Test
	void aKeyCreatedOnOneInstanceWorksOnTheOtherAtOnce() throws Exception {
		CreatedApiKey created = create();

		assertThat(call(b, created.token())).isEqualTo(200);
	}

	/**
	 * Hammers both instances over HTTP with the key while the change commits on A. No request that started after
	 * the change returned may be accepted by A, and none that started more than a second later by B.
	 */
	private void assertRefusedAfter(CreatedApiKey created, Runnable change) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(6);
		AtomicBoolean running = new AtomicBoolean(true);
		List<Future<List<long[]>>> onA = new ArrayList<>();
		List<Future<List<long[]>>> onB = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				onA.add(pool.submit(() -> hammer(a, created.token(), running)));
			}
			for (int i = 0; i < 4; i++) {
				onB.add(pool.submit(() -> hammer(b, created.token(), running)));
			}
			Thread.sleep(300);
			change.run();
			long returned = System.nanoTime();
			Thread.sleep(1500);
			running.set(false);

			long lastAcceptedOnB = Long.MIN_VALUE;
			long acceptedOnB = 0;
			for (Future<List<long[]>> calls : onB) {
				for (long[] call : calls.get(30, TimeUnit.SECONDS)) {
					if (call[1] == 200) {
						acceptedOnB++;
						lastAcceptedOnB = Math.max(lastAcceptedOnB, call[0]);
					}
				}
			}
			for (Future<List<long[]>> calls : onA) {
				for (long[] call : calls.get(30, TimeUnit.SECONDS)) {
					assertThat(call[0] - returned > 0 && call[1] == 200)
						.as("A accepted a request that started after the change returned")
						.isFalse();
				}
			}
			assertThat(acceptedOnB).as("B accepted the key before the change").isPositive();
			assertThat(Duration.ofNanos(lastAcceptedOnB - returned))
				.as("how long after the change B still accepted the key")
				.isLessThan(Duration.ofSeconds(1));
			assertThat(call(b, created.token())).isEqualTo(401);
		}
		finally {
			running.set(false);
			pool.shutdownNow();
		}
	}

	/** @return for each request, when it started and its status */
	private static List<long[]> hammer(ConfigurableApplicationContext instance, String token, AtomicBoolean running)
			throws Exception {
		List<long[]> calls = new ArrayList<>();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (running.get() && System.nanoTime() < deadline) {
			long started = System.nanoTime();
			calls.add(new long[] { started, call(instance, token) });
		}
		return calls;
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

	private static CreatedApiKey create() {
		return service(a).create(admin(), new NewApiKey("across instances " + System.nanoTime(), null, null));
	}

	private static ApiKeyService service(ConfigurableApplicationContext instance) {
		return instance.getBean(ApiKeyService.class);
	}

	private static Actor admin() {
		AuthenticatedKey key = a.getBean(ApiKeyAuthenticator.class).authenticate(adminKey.token()).orElseThrow();
		return Actor.apiKey(key.tenantId(), key.owner(), key.keyId(), "127.0.0.1");
	}

}
