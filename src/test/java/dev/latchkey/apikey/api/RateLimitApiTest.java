package dev.latchkey.apikey.api;

import java.time.Instant;
import java.util.UUID;

import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.apikey.LeakPolicy;
import dev.latchkey.apikey.RateLimit;
import dev.latchkey.apikey.SecuritySettings;
import dev.latchkey.apikey.SecuritySettingsService;
import java.util.List;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.ApiClient;
import dev.latchkey.support.ApiClient.Response;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-key rate limits and the per-tenant cap on active keys, over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "latchkey.limits.max-active-keys=4")
class RateLimitApiTest {

	private static final String WHOAMI = "/api/hello_world/authenticated";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Users users;

	@Autowired
	ApiKeyService keys;

	@Autowired
	SecuritySettingsService settings;

	ApiClient api;

	Actor admin;

	@BeforeEach
	void tenant() {
		this.api = new ApiClient(this.port);
		Tenant tenant = this.tenants.create("Limited " + UUID.randomUUID(), false, Instant.now());
		User user = this.users.create(tenant.id(), UUID.randomUUID() + "@limited.test", "Ada", "{noop}unused", Role.ADMIN,
				Instant.now());
		this.admin = Actor.user(tenant.id(), user.id(), "127.0.0.1");
	}

	@Test
	void everyAuthenticatedResponseStatesThePolicyAndWhatIsLeft() {
		String token = key(new RateLimit(5, 3600));

		Response first = this.api.get(WHOAMI, token);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("RateLimit-Policy")).isEqualTo("\"default\";q=5;w=3600");
		assertThat(first.header("RateLimit")).startsWith("\"default\";r=4;t=");
		Response second = this.api.get("/api/credentials/keys", token);
		assertThat(second.header("RateLimit")).startsWith("\"default\";r=3;t=");
	}

	@Test
	void overTheLimitIsA429ProblemWithRetryAfter() {
		String token = key(new RateLimit(3, 3600));
		for (int i = 0; i < 3; i++) {
			assertThat(this.api.get(WHOAMI, token).status()).isEqualTo(200);
		}

		Response refused = this.api.get(WHOAMI, token);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("content-type")).isEqualTo("application/problem+json");
		assertThat(refused.json().get("reason").asString()).isEqualTo("rate_limited");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 1200L);
		assertThat(refused.header("RateLimit")).startsWith("\"default\";r=0;");
		assertThat(this.api.get(WHOAMI, key(null)).status()).as("another key has its own limit").isEqualTo(200);
	}

	@Test
	void aKeyWithoutItsOwnLimitFollowsTheTenantsDefaultFromTheNextRequestOn() {
		String token = key(null);
		assertThat(this.api.get(WHOAMI, token).header("RateLimit-Policy")).isEqualTo("\"default\";q=6000000;w=60");

		this.settings.update(this.admin, new SecuritySettings(new RateLimit(120, 60), LeakPolicy.DEACTIVATE, List.of()));

		assertThat(this.api.get(WHOAMI, token).header("RateLimit-Policy")).isEqualTo("\"default\";q=120;w=60");
		assertThat(this.api.get(WHOAMI, key(new RateLimit(9, 1))).header("RateLimit-Policy"))
			.as("a key's own limit wins")
			.isEqualTo("\"default\";q=9;w=1");
	}

	@Test
	void anInvalidKeyGetsNoRateLimitHeaders() {
		Response response = this.api.get(WHOAMI, "key_" + "0".repeat(48));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.hasHeader("RateLimit")).isFalse();
	}

	@Test
	void theRateLimitIsSetOnCreateAndEchoed() {
		String token = key(null);
		Response created = this.api.post("/api/credentials/keys", token,
				"{\"name\": \"limited\", \"rate_limit\": {\"requests\": 600, \"per_seconds\": 60}}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("rate_limit").get("requests").asInt()).isEqualTo(600);
		assertThat(created.json().get("rate_limit").get("per_seconds").asInt()).isEqualTo(60);
		assertThat(this.api.get(WHOAMI, created.json().get("token").asString()).header("RateLimit-Policy"))
			.isEqualTo("\"default\";q=600;w=60");

		Response bad = this.api.post("/api/credentials/keys", token,
				"{\"name\": \"limited\", \"rate_limit\": {\"requests\": 0, \"per_seconds\": 60}}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("field").asString()).isEqualTo("rate_limit");
	}

	@Test
	void aTenantMayHaveOnlySoManyActiveKeys() {
		String token = key(null);
		for (int i = 0; i < 3; i++) {
			key(null);
		}

		Response refused = this.api.post("/api/credentials/keys", token, "{\"name\": \"one too many\"}");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.header("content-type")).isEqualTo("application/problem+json");
		assertThat(refused.json().get("detail").asString()).contains("4 active API keys");
		String spare = this.keys.list(this.admin.tenantId(), null, 0, 10).keys().get(0).publicId();
		this.keys.deactivate(this.admin, spare);
		assertThat(this.api.post("/api/credentials/keys", token, "{\"name\": \"room again\"}").status()).isEqualTo(201);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.keys.reactivate(this.admin, spare))
			.hasMessageContaining("active API keys");
	}

	private String key(RateLimit limit) {
		return this.keys.create(this.admin, new NewApiKey("key " + UUID.randomUUID(), null, null, null, limit)).token();
	}

}
