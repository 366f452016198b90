package dev.latchkey.apikey.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.apikey.ApiKeyAuthenticator;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.CreatedApiKey;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.ApiClient;
import dev.latchkey.support.ApiClient.Response;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a key may do over HTTP, by its scopes and environment: the table of (scopes, environment, endpoint) →
 * status, and each way a key could try to escalate, refused with a 403 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class ScopesApiTest {

	private static final String KEYS = "/api/credentials/keys";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Users users;

	@Autowired
	ApiKeyService keys;

	@Autowired
	ApiKeyAuthenticator authenticator;

	ApiClient api;

	Actor admin;

	String targetId;

	@BeforeEach
	void tenantWithAKeyToActOn() {
		this.api = new ApiClient(this.port);
		Tenant tenant = this.tenants.create("Scoped " + UUID.randomUUID(), true, Instant.now());
		User user = this.users.create(tenant.id(), UUID.randomUUID() + "@scoped.test", "Ada", "{noop}unused", Role.ADMIN,
				Instant.now());
		this.admin = Actor.user(tenant.id(), user.id(), "127.0.0.1");
		this.targetId = this.keys.create(this.admin, new NewApiKey("target", null, null)).key().publicId();
	}

	static Stream<Arguments> table() {
		return Stream.of(
				// scopes, environment, method and path (TARGET: another key of the tenant), expected status
				Arguments.of("keys:read", "development", "GET " + KEYS, 200),
				Arguments.of("keys:read", "development", "GET " + KEYS + "/TARGET", 200),
				Arguments.of("keys:read", "development", "POST " + KEYS, 403),
				Arguments.of("keys:read", "development", "POST " + KEYS + "/TARGET/deactivate", 403),
				Arguments.of("keys:read", "development", "POST " + KEYS + "/TARGET/reactivate", 403),
				Arguments.of("keys:read", "development", "DELETE " + KEYS + "/TARGET", 403),
				Arguments.of("keys:read", "development", "GET /api/hello_world/authenticated", 200),
				Arguments.of("keys:write", "development", "GET " + KEYS, 403),
				Arguments.of("keys:write", "development", "GET " + KEYS + "/TARGET", 403),
				Arguments.of("keys:write", "development", "POST " + KEYS, 201),
				Arguments.of("keys:write", "development", "POST " + KEYS + "/TARGET/deactivate", 200),
				Arguments.of("keys:write", "development", "DELETE " + KEYS + "/TARGET", 204),
				Arguments.of("keys:write", "production", "POST " + KEYS, 403),
				Arguments.of("keys:write keys:read", "production", "POST " + KEYS + "/TARGET/reactivate", 200),
				Arguments.of("keys:verify", "development", "GET " + KEYS, 403),
				Arguments.of("keys:verify", "development", "POST " + KEYS, 403),
				Arguments.of("keys:verify", "development", "GET /api/hello_world/authenticated", 200),
				Arguments.of("", "development", "GET " + KEYS, 403),
				Arguments.of("", "development", "DELETE " + KEYS + "/TARGET", 403),
				Arguments.of("keys:read keys:write keys:verify", "production", "GET " + KEYS, 200),
				Arguments.of("keys:read keys:write keys:verify", "development", "DELETE " + KEYS + "/TARGET", 204),
				Arguments.of("keys:verify", "development", "POST /api/keys/verify", 200),
				Arguments.of("keys:verify", "production", "POST /api/keys/verify", 200),
				Arguments.of("keys:read keys:write", "development", "POST /api/keys/verify", 403),
				Arguments.of("", "development", "POST /api/keys/verify", 403));
	}

	@ParameterizedTest(name = "[{0}] {1} key: {2} → {3}")
	@MethodSource("table")
	void whatAKeyMayDo(String scopes, String environment, String call, int expected) {
		String token = key(scopes, environment).token();
		String[] parts = call.replace("TARGET", this.targetId).split(" ", 2);
		Response response = switch (parts[0]) {
			case "GET" -> this.api.get(parts[1], token);
			case "DELETE" -> this.api.delete(parts[1], token);
			default -> switch (parts[1]) {
				case KEYS -> this.api.post(parts[1], token, "{\"name\": \"made by a key\", \"scopes\": []}");
				case "/api/keys/verify" -> this.api.post(parts[1], token, "{\"key\": \"" + token + "\"}");
				default -> this.api.post(parts[1], token);
			};
		};
		assertThat(response.status()).as(response.body()).isEqualTo(expected);
		if (expected == 403) {
			assertThat(response.header("content-type")).isEqualTo("application/problem+json");
		}
	}

	@Test
	void aMissingScopeIsA403ProblemNamingIt() {
		Response response = this.api.post(KEYS, key("keys:read", "development").token(), "{\"name\": \"x\"}");

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header("content-type")).isEqualTo("application/problem+json");
		assertThat(response.json().get("missing_scope").asString()).isEqualTo("keys:write");
		assertThat(response.json().get("detail").asString()).contains("keys:write");
	}

	@Test
	void anInvalidKeyStays401WhateverTheEndpointNeeds() {
		assertThat(this.api.post(KEYS, "key_" + "0".repeat(48), "{\"name\": \"x\"}").status()).isEqualTo(401);
		assertThat(this.api.get(KEYS, null).status()).isEqualTo(401);
	}

	@Test
	void scopesAreChosenOnCreateAndEchoedInEveryKeyResponse() {
		String token = key("keys:read keys:write keys:verify", "development").token();

		Response created = this.api.post(KEYS, token, "{\"name\": \"reader\", \"scopes\": [\"keys:verify\", \"keys:read\"]}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("scopes").toString()).isEqualTo("[\"keys:read\",\"keys:verify\"]");
		String id = created.json().get("heron_id").asString();
		assertThat(this.api.get(KEYS + "/" + id, token).json().get("scopes").toString())
			.isEqualTo("[\"keys:read\",\"keys:verify\"]");
		assertThat(this.api.get(KEYS, token).json().get("keys").get(0).get("scopes").toString())
			.isEqualTo("[\"keys:read\",\"keys:verify\"]");
		assertThat(this.api.post(KEYS + "/" + id + "/deactivate", token).json().get("scopes")).isNotNull();
	}

	@Test
	void anUnknownScopeIsA400NamingTheField() {
		Response response = this.api.post(KEYS, key("keys:write", "development").token(),
				"{\"name\": \"x\", \"scopes\": [\"keys:admin\"]}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).isEqualTo("scopes");
	}

	@Test
	void withoutScopesAKeysNewKeyGetsTheCallersOwnScopes() {
		Response created = this.api.post(KEYS, key("keys:write keys:verify", "development").token(), "{\"name\": \"x\"}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("scopes").toString()).isEqualTo("[\"keys:verify\",\"keys:write\"]");
	}

	// escalation: each case on its own

	@Test
	void aKeyCannotCreateAKeyWithAScopeItLacks() {
		Response response = this.api.post(KEYS, key("keys:write", "development").token(),
				"{\"name\": \"wider\", \"scopes\": [\"keys:write\", \"keys:read\"]}");

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("reason").asString()).isEqualTo("escalation_refused");
		assertThat(response.json().get("detail").asString()).contains("keys:read");
	}

	@Test
	void aDevelopmentKeyCannotCreateAProductionKey() {
		Response response = this.api.post(KEYS, key("keys:write", "development").token(),
				"{\"name\": \"prod\", \"environment\": \"production\", \"scopes\": [\"keys:write\"]}");

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("detail").asString()).contains("development key can only create development keys");
	}

	@Test
	void aProductionKeyCannotCreateADevelopmentKey() {
		Response response = this.api.post(KEYS, key("keys:write", "production").token(),
				"{\"name\": \"dev\", \"environment\": \"development\", \"scopes\": [\"keys:write\"]}");
		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void aKeyCannotReactivateAKeyAPersonDeactivated() {
		this.keys.deactivate(this.admin, this.targetId);

		Response response = this.api.post(KEYS + "/" + this.targetId + "/reactivate", key("keys:write", "development").token());

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("detail").asString()).contains("only a person can reactivate it");
		assertThat(this.keys.find(this.admin.tenantId(), this.targetId).isActive()).isFalse();
	}

	@Test
	void aKeyMayReactivateAKeyAKeyDeactivated() {
		String token = key("keys:write", "development").token();
		assertThat(this.api.post(KEYS + "/" + this.targetId + "/deactivate", token).status()).isEqualTo(200);

		assertThat(this.api.post(KEYS + "/" + this.targetId + "/reactivate", token).status()).isEqualTo(200);
	}

	@Test
	void aKeyCannotChangeScopes() {
		CreatedApiKey caller = key("keys:read keys:write keys:verify", "development");
		Actor asKey = Actor.apiKey(this.admin.tenantId(), this.admin.userId(), internalId(caller), "127.0.0.1");

		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.keys.changeScopes(asKey, this.targetId, List.of("keys:read")))
			.hasMessageContaining("cannot change scopes");
		assertThat(this.keys.find(this.admin.tenantId(), this.targetId).scopes().isFullAccess()).isTrue();
	}

	@Test
	void aPersonChangesScopes() {
		this.keys.changeScopes(this.admin, this.targetId, List.of("keys:read"));

		assertThat(this.keys.find(this.admin.tenantId(), this.targetId).scopes().list()).containsExactly("keys:read");
		assertThat(this.keys.history(this.admin.tenantId(), this.targetId)).extracting((e) -> e.action())
			.contains("scopes changed");
	}

	@Test
	void aKeyCannotTouchKeysOfAnotherTenant() {
		Tenant other = this.tenants.create("Other " + UUID.randomUUID(), false, Instant.now());
		User bob = this.users.create(other.id(), UUID.randomUUID() + "@other.test", "Bob", "{noop}unused", Role.ADMIN,
				Instant.now());
		String theirs = this.keys.create(Actor.user(other.id(), bob.id(), "127.0.0.1"), new NewApiKey("theirs", null, null))
			.key()
			.publicId();
		String token = key("keys:read keys:write keys:verify", "development").token();

		assertThat(this.api.get(KEYS + "/" + theirs, token).status()).isEqualTo(404);
		assertThat(this.api.post(KEYS + "/" + theirs + "/deactivate", token).status()).isEqualTo(404);
		assertThat(this.api.delete(KEYS + "/" + theirs, token).status()).isEqualTo(404);
	}

	private CreatedApiKey key(String scopes, String environment) {
		List<String> names = scopes.isBlank() ? List.of() : Arrays.asList(scopes.split(" "));
		return this.keys.create(this.admin, new NewApiKey("caller " + UUID.randomUUID(), null, environment, names));
	}

	private long internalId(CreatedApiKey key) {
		return this.authenticator.authenticate(key.token()).orElseThrow().keyId();
	}

}
