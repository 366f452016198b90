package dev.latchkey.database;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.support.ApiClient;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledged means durable: every key whose creation was answered (the show-once dialog, a 201) still works
 * after the process is killed with {@code kill -9} right after the last answer and started again, created one
 * after the other or 200 at once, on the embedded H2 default and on PostgreSQL.
 */
class DurabilityIT {

	private static final String PASSWORD = "durable enough passphrase";

	private static final Pattern TOKEN = Pattern.compile("key_[0-9a-f]{48}");

	@TempDir
	Path workingDirectory;

	@Test
	void acknowledgedKeysSurviveKillNineOnTheH2Default() throws Exception {
		// the application's own default URL (./data/latchkey, relative to the working directory)
		killAndRestart("--spring.datasource.url=" + AppProcess.defaultDatasourceUrl());
	}

	@Test
	void acknowledgedKeysSurviveKillNineOnPostgres() throws Exception {
		killAndRestart("--spring.profiles.active=postgres", "--spring.datasource.url=" + EmbeddedPostgres.newDatabase(),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
	}

	private void killAndRestart(String... database) throws Exception {
		List<String> arguments = new ArrayList<>(List.of(database));
		arguments.add("--latchkey.bootstrap.admin-password=" + PASSWORD);
		String[] args = arguments.toArray(String[]::new);
		List<String> tokens = new ArrayList<>();
		try (AppProcess app = AppProcess.start(this.workingDirectory, args)) {
			String first = dashboardKey(app);
			tokens.add(first);
			ApiClient api = app.api();
			for (int i = 0; i < 5; i++) {
				tokens.add(create(api, first, "one after the other " + i));
			}
			tokens.addAll(createConcurrently(api, first, 200));
			app.kill();
		}
		try (AppProcess restarted = AppProcess.start(this.workingDirectory, args)) {
			ApiClient api = restarted.api();
			List<String> refused = tokens.stream()
				.filter((token) -> api.get("/api/hello_world/authenticated", token).status() != 200)
				.toList();
			assertThat(refused).as("keys acknowledged before kill -9 but refused after the restart").isEmpty();
			assertThat(tokens).hasSize(206).doesNotHaveDuplicates();
		}
	}

	/** Signs in as the bootstrap admin and creates a key in the dashboard, as a new user would. */
	private static String dashboardKey(AppProcess app) {
		DashboardClient browser = new DashboardClient(app.port());
		assertThat(browser.signIn("admin@latchkey.local", PASSWORD).location()).endsWith("/settings/api-credentials");
		browser.get("/settings/api-credentials");
		DashboardClient.Response created = browser.post("/settings/api-credentials",
				Map.of("name", "first", "expiration", "never", "environment", "development", "access", "full"));
		Matcher token = TOKEN.matcher(created.body());
		assertThat(token.find()).as(created.body()).isTrue();
		return token.group();
	}

	private static String create(ApiClient api, String caller, String name) {
		ApiClient.Response response = api.post("/api/credentials/keys", caller, "{\"name\": \"" + name + "\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("token").asString();
	}

	private static List<String> createConcurrently(ApiClient api, String caller, int count) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			List<Callable<String>> creates = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String name = "at once " + i;
				creates.add(() -> create(api, caller, name));
			}
			List<String> tokens = new ArrayList<>();
			for (Future<String> token : pool.invokeAll(creates)) {
				tokens.add(token.get());
			}
			return tokens;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
