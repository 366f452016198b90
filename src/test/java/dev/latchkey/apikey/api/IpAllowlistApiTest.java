package dev.latchkey.apikey.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.CreatedApiKey;
import dev.latchkey.apikey.NewApiKey;
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

/** A key with an IP allowlist, used over HTTP from 127.0.0.1. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IpAllowlistApiTest {

	private static final String WHOAMI = "/api/hello_world/authenticated";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Users users;

	@Autowired
	ApiKeyService keys;

	ApiClient api;

	Actor admin;

	@BeforeEach
	void tenant() {
		this.api = new ApiClient(this.port);
		Tenant tenant = this.tenants.create("Fenced " + UUID.randomUUID(), false, Instant.now());
		User user = this.users.create(tenant.id(), UUID.randomUUID() + "@fenced.test", "Ada", "{noop}unused", Role.ADMIN,
				Instant.now());
		this.admin = Actor.user(tenant.id(), user.id(), "127.0.0.1");
	}

	@Test
	void aRequestFromElsewhereIsA403IpNotAllowedProblemRecordedOnceAMinute() {
		CreatedApiKey fenced = create(List.of("192.0.2.0/24"));

		Response refused = this.api.get(WHOAMI, fenced.token());
		this.api.get(WHOAMI, fenced.token());
		this.api.get("/api/credentials/keys", fenced.token());

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("content-type")).isEqualTo("application/problem+json");
		assertThat(refused.json().get("reason").asString()).isEqualTo("ip_not_allowed");
		assertThat(this.keys.history(this.admin.tenantId(), fenced.key().publicId()))
			.filteredOn((event) -> event.action().equals("refused: IP not allowed"))
			.singleElement()
			.satisfies((event) -> assertThat(event.clientIp()).isEqualTo("127.0.0.1"));
	}

	@Test
	void aRequestFromAnAllowedAddressPassesAndChangingTheListTakesEffectAtOnce() {
		CreatedApiKey key = create(List.of("192.0.2.1"));
		assertThat(this.api.get(WHOAMI, key.token()).status()).isEqualTo(403);

		this.keys.changeAllowedIps(this.admin, key.key().publicId(), List.of("192.0.2.1", "127.0.0.0/8"));

		assertThat(this.api.get(WHOAMI, key.token()).status()).isEqualTo(200);
		this.keys.changeAllowedIps(this.admin, key.key().publicId(), List.of());
		assertThat(this.api.get(WHOAMI, key.token()).status()).isEqualTo(200);
	}

	@Test
	void theListIsSetOnCreateNormalisedAndEchoed() {
		String token = create(null).token();
		Response created = this.api.post("/api/credentials/keys", token,
				"{\"name\": \"fenced\", \"allowed_ips\": [\"10.1.2.3/8\", \"2001:DB8::1\"]}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("allowed_ips").toString()).isEqualTo("[\"10.0.0.0/8\",\"2001:db8::1\"]");
		String id = created.json().get("heron_id").asString();
		assertThat(this.api.get("/api/credentials/keys/" + id, token).json().get("allowed_ips").toString())
			.isEqualTo("[\"10.0.0.0/8\",\"2001:db8::1\"]");

		Response bad = this.api.post("/api/credentials/keys", token,
				"{\"name\": \"fenced\", \"allowed_ips\": [\"example.com\"]}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("field").asString()).isEqualTo("allowed_ips");
	}

	@Test
	void verifyChecksTheAddressTheServiceNames() {
		String verifier = this.keys.create(this.admin, new NewApiKey("verifier", null, null, List.of("keys:verify")))
			.token();
		CreatedApiKey fenced = create(List.of("198.51.100.0/24"));

		assertThat(verify(verifier, fenced.token(), "\"198.51.100.9\"").get("valid").asBoolean()).isTrue();
		assertThat(verify(verifier, fenced.token(), "\"203.0.113.9\"").get("reason").asString()).isEqualTo("ip_not_allowed");
		assertThat(verify(verifier, fenced.token(), "null").get("reason").asString()).isEqualTo("ip_not_allowed");
	}

	private tools.jackson.databind.JsonNode verify(String verifier, String token, String ip) {
		return this.api.post("/api/keys/verify", verifier, "{\"key\": \"" + token + "\", \"ip\": " + ip + "}").json();
	}

	private CreatedApiKey create(List<String> allowedIps) {
		return this.keys.create(this.admin,
				new NewApiKey("key " + UUID.randomUUID(), null, null, null, null, allowedIps));
	}

}
