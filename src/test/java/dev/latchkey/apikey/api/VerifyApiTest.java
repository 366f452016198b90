package dev.latchkey.apikey.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.CreatedApiKey;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.apikey.LeakPolicy;
import dev.latchkey.apikey.RateLimit;
import dev.latchkey.apikey.SecuritySettings;
import dev.latchkey.apikey.SecuritySettingsService;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.ApiClient;
import dev.latchkey.support.ApiClient.Response;
import dev.latchkey.support.MutableClock;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/keys/verify: a tenant's own services ask whether a key is theirs and what it may do. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class VerifyApiTest {

	private static final String VERIFY = "/api/keys/verify";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Users users;

	@Autowired
	ApiKeyService keys;

	@Autowired
	MutableClock clock;

	@Autowired
	SecuritySettingsService settings;

	ApiClient api;

	Actor admin;

	String verifier;

	@BeforeEach
	void tenantWithAVerifier() {
		this.clock.set(Instant.now());
		this.api = new ApiClient(this.port);
		this.admin = person("Acme");
		this.verifier = create(this.admin, List.of("keys:verify"), null, null).token();
	}

	@Test
	void aValidKeyIsDescribed() {
		Instant expiry = this.clock.instant().plus(Duration.ofDays(30));
		CreatedApiKey presented = create(this.admin, List.of("keys:read"), expiry, new RateLimit(50, 60));

		Response response = verify(this.verifier, presented.token());

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("valid").asBoolean()).isTrue();
		assertThat(body.get("key_id").asString()).isEqualTo(presented.key().publicId());
		assertThat(body.get("name").asString()).isEqualTo(presented.key().name());
		assertThat(body.get("environment").asString()).isEqualTo("development");
		assertThat(body.get("scopes").toString()).isEqualTo("[\"keys:read\"]");
		assertThat(Instant.parse(body.get("expires_at").asString())).isEqualTo(presented.key().expiresAt());
		assertThat(body.get("rate_limit_status").get("limit").asLong()).isEqualTo(50);
		assertThat(body.get("rate_limit_status").get("remaining").asLong()).isEqualTo(49);
		assertThat(body.get("rate_limit_status").get("reset_seconds").asLong()).isBetween(1L, 60L);
		assertThat(body.has("token")).isFalse();
	}

	@Test
	void aTenantsOwnScopesAreGivenToKeysAndReadThroughVerify() {
		this.settings.update(this.admin,
				new SecuritySettings(null, LeakPolicy.DEACTIVATE, List.of("billing:read", "reports.export")));
		CreatedApiKey presented = create(this.admin, List.of("billing:read"), null, null);

		assertThat(verify(this.verifier, presented.token()).json().get("scopes").toString())
			.isEqualTo("[\"billing:read\"]");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> create(this.admin, List.of("billing:write"), null, null))
			.hasMessageContaining("unknown scope");
	}

	@Test
	void aKeyWithoutExpiryHasExpiresAtNull() {
		JsonNode body = verify(this.verifier, create(this.admin, List.of(), null, null).token()).json();
		assertThat(body.get("valid").asBoolean()).isTrue();
		assertThat(body.has("expires_at")).isTrue();
		assertThat(body.get("expires_at").isNull()).isTrue();
	}

	@Test
	void refusalsNameTheirReason() {
		CreatedApiKey inactive = create(this.admin, List.of(), null, null);
		this.keys.deactivate(this.admin, inactive.key().publicId());
		CreatedApiKey expiring = create(this.admin, List.of(), this.clock.instant().plusSeconds(10), null);
		CreatedApiKey deleted = create(this.admin, List.of(), null, null);
		this.keys.delete(this.admin, deleted.key().publicId());
		this.clock.advance(Duration.ofSeconds(10));

		assertThat(reason(inactive.token())).isEqualTo("inactive");
		assertThat(reason(expiring.token())).isEqualTo("expired");
		assertThat(reason(deleted.token())).isEqualTo("not_found");
		assertThat(reason("key_" + "0".repeat(48))).isEqualTo("not_found");
		assertThat(reason("not a key")).isEqualTo("not_found");
	}

	@Test
	void anotherTenantsKeyIsNotFoundWhateverItsState() {
		Actor other = person("Globex");
		CreatedApiKey theirs = create(other, List.of(), null, new RateLimit(2, 3600));
		CreatedApiKey theirsExpiring = create(other, List.of(), this.clock.instant().plusSeconds(1), null);
		this.clock.advance(Duration.ofSeconds(1));

		assertThat(reason(theirs.token())).isEqualTo("not_found");
		assertThat(reason(theirs.token())).isEqualTo("not_found");
		assertThat(reason(theirsExpiring.token())).isEqualTo("not_found");
		// and it did not spend their quota
		assertThat(this.api.get("/api/hello_world/authenticated", theirs.token()).status()).isEqualTo(200);
	}

	@Test
	void verifyingCountsAgainstTheVerifiedKeysRateLimit() {
		CreatedApiKey presented = create(this.admin, List.of(), null, new RateLimit(2, 3600));

		assertThat(verify(this.verifier, presented.token()).json().get("valid").asBoolean()).isTrue();
		assertThat(this.api.get("/api/hello_world/authenticated", presented.token()).status()).isEqualTo(200);

		assertThat(reason(presented.token())).isEqualTo("rate_limited");
		assertThat(this.api.get("/api/hello_world/authenticated", presented.token()).status()).isEqualTo(429);
	}

	@Test
	void theCallerNeedsKeysVerify() {
		String reader = create(this.admin, List.of("keys:read", "keys:write"), null, null).token();
		Response response = verify(reader, this.verifier);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("missing_scope").asString()).isEqualTo("keys:verify");
		assertThat(verify("key_" + "0".repeat(48), this.verifier).status()).isEqualTo(401);
	}

	@Test
	void aBodyWithoutAKeyIsA400() {
		Response response = this.api.post(VERIFY, this.verifier, "{}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).isEqualTo("key");
	}

	private String reason(String token) {
		JsonNode body = verify(this.verifier, token).json();
		assertThat(body.get("valid").asBoolean()).isFalse();
		assertThat(body.size()).isEqualTo(2);
		return body.get("reason").asString();
	}

	private Response verify(String caller, String token) {
		return this.api.post(VERIFY, caller, "{\"key\": \"" + token + "\"}");
	}

	private Actor person(String tenantName) {
		Tenant tenant = this.tenants.create(tenantName + " " + UUID.randomUUID(), false, this.clock.instant());
		User user = this.users.create(tenant.id(), UUID.randomUUID() + "@verify.test", "Ada", "{noop}unused", Role.ADMIN,
				this.clock.instant());
		return Actor.user(tenant.id(), user.id(), "127.0.0.1");
	}

	private CreatedApiKey create(Actor actor, List<String> scopes, Instant expiresAt, RateLimit limit) {
		return this.keys.create(actor, new NewApiKey("key " + UUID.randomUUID(), expiresAt, null, scopes, limit));
	}

}
