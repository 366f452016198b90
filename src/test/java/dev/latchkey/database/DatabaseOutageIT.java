package dev.latchkey.database;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.ApiClient;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.Tenants;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped under load and started again: the API answers 503 problem bodies (never a 500, never a hang
 * beyond the connection timeout), the dashboard its branded "temporarily unavailable" page, health reports DOWN;
 * once PostgreSQL is back everything recovers without a restart, and every acknowledged key works.
 */
class DatabaseOutageIT {

	private static final String PASSWORD = "correct horse battery";

	@TempDir
	Path pgData;

	@Test
	void theDatabaseGoingAwayGives503sLosesNothingAndRecovers() throws Exception {
		int pgPort = freePort();
		EmbeddedPostgres postgres = startPostgres(pgPort);
		String url = "jdbc:postgresql://localhost:" + pgPort + "/postgres";
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LatchkeyApplication.class).run(
				"--server.port=0", "--server.address=127.0.0.1", "--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--spring.datasource.hikari.connection-timeout=2000")) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			ApiClient api = new ApiClient(port);
			Instant now = Instant.now();
			Tenant tenant = app.getBean(Tenants.class).create("Outage " + UUID.randomUUID(), false, now);
			User user = app.getBean(Users.class)
				.create(tenant.id(), "outage@example.com", "O", app.getBean(PasswordEncoder.class).encode(PASSWORD),
						Role.ADMIN, now);
			String caller = app.getBean(ApiKeyService.class)
				.create(Actor.user(tenant.id(), user.id(), "127.0.0.1"), new NewApiKey("caller", null, null))
				.token();
			DashboardClient browser = new DashboardClient(port);
			assertThat(browser.signIn(user.email(), PASSWORD).location()).endsWith("/settings/api-credentials");
			assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);

			Set<String> acknowledged = ConcurrentHashMap.newKeySet();
			List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
			AtomicBoolean running = new AtomicBoolean(true);
			ExecutorService load = Executors.newFixedThreadPool(6);
			for (int t = 0; t < 6; t++) {
				int thread = t;
				load.submit(() -> {
					int i = 0;
					while (running.get()) {
						try {
							ApiClient.Response response = (thread % 2 == 0)
									? api.post("/api/credentials/keys", caller, "{\"name\": \"load " + thread + "-" + i++ + "\"}")
									: api.get("/api/hello_world/authenticated", caller);
							if (response.status() == 201) {
								acknowledged.add(response.json().get("token").asString());
							}
							else if (response.status() != 200) {
								if (response.status() != 503
										|| !response.header("Content-Type").startsWith("application/problem+json")) {
									unexpected.add(response.status() + " " + response.body());
								}
							}
						}
						catch (RuntimeException ex) {
							unexpected.add("no answer within the client's timeout: " + ex);
						}
					}
				});
			}

			Thread.sleep(1500);
			postgres.close();
			Thread.sleep(3000);

			ApiClient.Response create = api.post("/api/credentials/keys", caller, "{\"name\": \"during the outage\"}");
			assertThat(create.status()).isEqualTo(503);
			assertThat(create.header("Content-Type")).startsWith("application/problem+json");
			assertThat(create.header("Retry-After")).isNotBlank();
			assertThat(api.get("/api/hello_world/authenticated", caller).status())
				.as("past the cache's fail-closed window a key is not answered from memory")
				.isEqualTo(503);
			DashboardClient.Response page = browser.get("/settings/api-credentials");
			assertThat(page.status()).isEqualTo(503);
			assertThat(page.body()).contains("Temporarily unavailable").contains("/assets/css/latchkey.css");
			assertThat(api.get("/actuator/health", null).status()).isEqualTo(503);
			assertThat(api.get("/actuator/health/readiness", null).body()).contains("DOWN");
			assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);

			postgres = startPostgres(pgPort);
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (api.get("/actuator/health/readiness", null).status() != 200 && Instant.now().isBefore(deadline)) {
				Thread.sleep(250);
			}
			Thread.sleep(1000);
			running.set(false);
			load.shutdown();
			assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

			assertThat(unexpected).as("answers other than 200, 201 or a 503 problem body").isEmpty();
			assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
			assertThat(api.post("/api/credentials/keys", caller, "{\"name\": \"after\"}").status()).isEqualTo(201);
			assertThat(browser.get("/settings/api-credentials").status()).as("the session survived").isEqualTo(200);
			assertThat(acknowledged).isNotEmpty();
			List<String> lost = acknowledged.stream()
				.filter((token) -> api.get("/api/hello_world/authenticated", token).status() != 200)
				.toList();
			assertThat(lost).as("acknowledged keys that no longer work").isEmpty();
		}
		finally {
			postgres.close();
		}
	}

	private EmbeddedPostgres startPostgres(int port) throws Exception {
		return EmbeddedPostgres.builder()
			.setPort(port)
			.setDataDirectory(this.pgData)
			.setCleanDataDirectory(false)
			.start();
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
