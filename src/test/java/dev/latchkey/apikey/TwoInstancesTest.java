package dev.latchkey.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

import dev.latchkey.support.ApiClient;
import dev.latchkey.support.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances behind a load balancer share one PostgreSQL database: a key deactivated or deleted
 * through one is refused by the other.
 */
class TwoInstancesTest {

	/** How long another instance may take to notice a change (issue 5 allows up to one second). */
	private static final Duration PROPAGATION = Duration.ofSeconds(1);

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void startTwoInstances() {
		String url = EmbeddedPostgres.newDatabase();
		a = ApplicationInstances.start(url, "postgres", "postgres");
		b = ApplicationInstances.start(url, "postgres", "postgres");
	}

	@AfterAll
	static void stop() {
		b.close();
		a.close();
	}

	@Test
	void aKeyDeactivatedOnOneInstanceIsRefusedByTheOther() {
		CreatedApiKey key = ApplicationInstances.tenantWithKey(a);
		ApiClient onA = ApplicationInstances.api(a);
		ApiClient onB = ApplicationInstances.api(b);
		assertThat(onB.get("/api/hello_world/authenticated", key.token()).status()).isEqualTo(200);

		String path = "/api/credentials/keys/" + key.key().publicId();
		assertThat(onA.post(path + "/deactivate", key.token()).status()).isEqualTo(200);
		assertThat(onA.get("/api/hello_world/authenticated", key.token()).status()).isEqualTo(401);
		assertRefusedWithin(() -> onB.get("/api/hello_world/authenticated", key.token()).status());
	}

	@Test
	void aKeyDeletedOnOneInstanceIsRefusedByTheOther() {
		CreatedApiKey key = ApplicationInstances.tenantWithKey(a);
		CreatedApiKey admin = ApplicationInstances.tenantWithKey(a);
		ApiClient onA = ApplicationInstances.api(a);
		ApiClient onB = ApplicationInstances.api(b);
		assertThat(onB.get("/api/hello_world/authenticated", key.token()).status()).isEqualTo(200);

		assertThat(onA.delete("/api/credentials/keys/" + key.key().publicId(), key.token()).status()).isEqualTo(204);
		assertThat(onA.get("/api/hello_world/authenticated", key.token()).status()).isEqualTo(401);
		assertRefusedWithin(() -> onB.get("/api/hello_world/authenticated", key.token()).status());
		assertThat(onB.get("/api/hello_world/authenticated", admin.token()).status()).isEqualTo(200);
	}

	@Test
	void aKeyCreatedOnOneInstanceWorksOnTheOtherAtOnce() {
		CreatedApiKey admin = ApplicationInstances.tenantWithKey(a);
		String token = ApplicationInstances.api(a)
			.post("/api/credentials/keys", admin.token(), "{\"name\": \"fresh\"}")
			.json()
			.get("token")
			.asString();
		assertThat(ApplicationInstances.api(b).get("/api/hello_world/authenticated", token).status()).isEqualTo(200);
	}

	private static void assertRefusedWithin(IntSupplier status) {
		Instant deadline = Instant.now().plus(PROPAGATION);
		int last = status.getAsInt();
		while (last != 401 && Instant.now().isBefore(deadline)) {
			last = status.getAsInt();
		}
		assertThat(last).as("refused by the other instance within %s", PROPAGATION).isEqualTo(401);
	}

}
