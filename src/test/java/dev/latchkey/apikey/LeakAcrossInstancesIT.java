package dev.latchkey.apikey;

import java.time.Duration;

import dev.latchkey.support.ApiClient;
import dev.latchkey.support.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database: a key reported leaked through instance A is refused by A at once and by
 * B, which had it cached, within a second.
 */
class LeakAcrossInstancesIT {

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	@BeforeAll
	static void startTwoInstances() {
		String url = EmbeddedPostgres.newDatabase();
		// the signature check has its own test (LeakReportsApiTest); here the reports come unsigned
		a = ApplicationInstances.start(url, "postgres", "postgres", "--latchkey.leaks.allow-unsigned=true");
		b = ApplicationInstances.start(url, "postgres", "postgres");
	}

	@AfterAll
	static void stop() {
		b.close();
		a.close();
	}

	@Test
	void aLeakedKeyIsRefusedEverywhereWithinASecond() throws Exception {
		CreatedApiKey leaked = ApplicationInstances.tenantWithKey(a);
		ApiClient onA = ApplicationInstances.api(a);
		ApiClient onB = ApplicationInstances.api(b);
		assertThat(onB.get("/api/hello_world/authenticated", leaked.token()).status()).isEqualTo(200);
		assertThat(onB.get("/api/hello_world/authenticated", leaked.token()).status()).isEqualTo(200);

		var report = onA.post("/api/credentials/leaks", null, "[{\"token\": \"" + leaked.token()
				+ "\", \"type\": \"latchkey_api_key\", \"url\": \"https://github.com/acme/app\", \"source\": \"content\"}]");
		long reported = System.nanoTime();

		assertThat(report.status()).isEqualTo(200);
		assertThat(report.json().get(0).get("label").asString()).isEqualTo("true_positive");
		assertThat(onA.get("/api/hello_world/authenticated", leaked.token()).status()).isEqualTo(401);
		int status = 200;
		while (status == 200 && System.nanoTime() - reported < Duration.ofSeconds(3).toNanos()) {
			status = onB.get("/api/hello_world/authenticated", leaked.token()).status();
		}
		assertThat(status).isEqualTo(401);
		assertThat(Duration.ofNanos(System.nanoTime() - reported)).isLessThan(Duration.ofSeconds(1));
	}

}
