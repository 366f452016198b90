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

import dev.latchkey.shared.Actor;
import dev.latchkey.support.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database share a key's rate limit: hammered through both at once, the key gets
 * its limit in all, within 10 %, not its limit on each instance.
 */
class RateLimitAcrossInstancesIT {

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static Actor admin;

	@BeforeAll
	static void startTwoInstances() {
		String url = EmbeddedPostgres.newDatabase();
		a = ApplicationInstances.start(url, "postgres", "postgres");
		b = ApplicationInstances.start(url, "postgres", "postgres");
		CreatedApiKey adminKey = ApplicationInstances.tenantWithKey(a);
		admin = Actor.user(adminKey.key().tenantId(), adminKey.key().createdBy().id(), "127.0.0.1");
	}

	@AfterAll
	static void stop() {
		b.close();
		a.close();
	}

	@Test
	void theLimitHoldsForTheKeyAsAWholeWithinTenPercent() throws Exception {
		int limit = 200;
		String token = a.getBean(ApiKeyService.class)
			.create(admin, new NewApiKey("shared limit", null, null, null, new RateLimit(limit, 3600)))
			.token();

		long[] accepted = hammerBoth(token, Duration.ofSeconds(60));

		long total = accepted[0] + accepted[1];
		// an hour's window: what refills during the test (a few requests at most) is inside the tolerance
		assertThat(total).as("accepted on A %d, on B %d", accepted[0], accepted[1])
			.isGreaterThanOrEqualTo(limit)
			.isLessThanOrEqualTo((long) (limit * 1.1));
		assertThat(accepted[0]).isPositive();
		assertThat(accepted[1]).isPositive();
	}

	@Test
	void aKeySpentOnOneInstanceIsSpentOnTheOther() throws Exception {
		int limit = 30;
		String token = a.getBean(ApiKeyService.class)
			.create(admin, new NewApiKey("spent on A", null, null, null, new RateLimit(limit, 3600)))
			.token();
		int acceptedOnA = 0;
		for (int i = 0; i < limit + 5; i++) {
			if (call(a, token) == 200) {
				acceptedOnA++;
			}
			Thread.sleep(25);
		}
		assertThat(acceptedOnA).isEqualTo(limit);
		Thread.sleep(1000); // a few exchanges

		int acceptedOnB = 0;
		for (int i = 0; i < 20; i++) {
			if (call(b, token) == 200) {
				acceptedOnB++;
			}
		}
		// B has not seen this key yet: until its first exchange (within two intervals) it spends at most its guard
		// an interval, and then knows the key is spent
		assertThat(acceptedOnB).as("accepted by B before its first exchange")
			.isLessThanOrEqualTo(2 * (int) KeyBucket.MIN_BURST);
		Thread.sleep(1000);
		assertThat(call(b, token)).isEqualTo(429);
	}

	/** @return requests accepted by A and by B */
	private static long[] hammerBoth(String token, Duration duration) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<Long>> onA = new ArrayList<>();
			List<Future<Long>> onB = new ArrayList<>();
			long deadline = System.nanoTime() + duration.toNanos();
			for (int i = 0; i < 3; i++) {
				onA.add(pool.submit(() -> hammer(a, token, deadline)));
				onB.add(pool.submit(() -> hammer(b, token, deadline)));
			}
			long[] accepted = new long[2];
			for (Future<Long> f : onA) {
				accepted[0] += f.get(120, TimeUnit.SECONDS);
			}
			for (Future<Long> f : onB) {
				accepted[1] += f.get(120, TimeUnit.SECONDS);
			}
			return accepted;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Calls until the key is spent as this instance sees it: refused for 1.5 s on end (the guard alone would let a
	 * request through within 200 ms), so the count does not depend on how fast a loaded machine answers.
	 */
	private static long hammer(ConfigurableApplicationContext instance, String token, long deadline) throws Exception {
		long accepted = 0;
		long lastAccepted = System.nanoTime();
		while (System.nanoTime() < deadline && System.nanoTime() - lastAccepted < TimeUnit.MILLISECONDS.toNanos(1500)) {
			int status = call(instance, token);
			if (status == 200) {
				accepted++;
				lastAccepted = System.nanoTime();
			}
			else {
				assertThat(status).isEqualTo(429);
			}
		}
		return accepted;
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

}
