package dev.latchkey.apikey.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import dev.latchkey.support.MutableClock;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credentials API and x-api-key authentication over real HTTP, run on H2 and on PostgreSQL by the
 * subclasses.
 */
abstract class CredentialsApiTests {

	private static final String KEYS = "/api/credentials/keys";

	private static final String WHOAMI = "/api/hello_world/authenticated";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Users users;

	@Autowired
	ApiKeyService keyService;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	User alice;

	String aliceToken;

	Tenant otherTenant;

	String otherToken;

	String otherKeyId;

	@BeforeEach
	void createTwoTenants() {
		this.clock.set(Instant.now());
		this.api = new ApiClient(this.port);
		Tenant acme = this.tenants.create("Acme " + UUID.randomUUID(), false, this.clock.instant());
		this.alice = this.users.create(acme.id(), "alice-" + UUID.randomUUID() + "@acme.test", "Alice", "{noop}unused",
				Role.ADMIN, this.clock.instant());
		this.aliceToken = createKey(this.alice, "Alice's CLI").token();
		this.otherTenant = this.tenants.create("Globex " + UUID.randomUUID(), false, this.clock.instant());
		User bob = this.users.create(this.otherTenant.id(), "bob-" + UUID.randomUUID() + "@globex.test", "Bob",
				"{noop}unused", Role.ADMIN, this.clock.instant());
		CreatedApiKey other = createKey(bob, "Globex production service");
		this.otherToken = other.token();
		this.otherKeyId = other.key().publicId();
	}

	private CreatedApiKey createKey(User user, String name) {
		return this.keyService.create(Actor.user(user.tenantId(), user.id(), "127.0.0.1"),
				new NewApiKey(name, null, null));
	}

	// hello world

	@Test
	void helloWorldNeedsNoKey() {
		Response response = this.api.get("/api/hello_world", null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("message").asString()).isEqualTo("Hello, world!");
	}

	@Test
	void authenticatedHelloWorldNamesTheTenantTheKeyAndItsEnvironment() {
		Response response = this.api.get(WHOAMI, this.aliceToken);
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("tenant").asString()).startsWith("Acme ");
		assertThat(body.get("key_name").asString()).isEqualTo("Alice's CLI");
		assertThat(body.get("environment").asString()).isEqualTo("development");
		assertThat(response.hasHeader("set-cookie")).isFalse();
	}

	// roll, rename, change expiration (issue 10), on each database

	@Test
	void aRolledKeyAndItsSuccessorLinkBothWaysAndAPatchRenamesAndExtends() {
		CreatedApiKey old = this.keyService.create(actor(),
				new NewApiKey("Rolled", this.clock.instant().plus(Duration.ofDays(30)), null));

		Response rolled = this.api.post(KEYS + "/" + old.key().publicId() + "/roll", this.aliceToken,
				"{\"expire_old_in_seconds\": 86400}");

		assertThat(rolled.status()).isEqualTo(201);
		String newId = rolled.json().get("heron_id").asString();
		assertThat(this.keyService.find(this.alice.tenantId(), newId).rolledFrom().publicId())
			.isEqualTo(old.key().publicId());
		assertThat(this.keyService.find(this.alice.tenantId(), old.key().publicId()).rolledTo().publicId())
			.isEqualTo(newId);
		assertThat(this.api.get(WHOAMI, old.token()).status()).isEqualTo(200);
		assertThat(this.api.get(WHOAMI, rolled.json().get("token").asString()).status()).isEqualTo(200);

		Response patched = this.api.patch(KEYS + "/" + newId, this.aliceToken,
				"{\"name\": \"Renamed\", \"expires_at\": null}");
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("name").asString()).isEqualTo("Renamed");
		assertThat(patched.json().get("expires_at").isNull()).isTrue();
		assertThat(this.keyService.list(this.alice.tenantId(), "Renamed", 0, 10).keys().get(0).rolledFrom())
			.isNotNull();
	}

	// x-api-key refusals

	@Test
	void everyRefusedKeyGetsTheSame401ProblemBody() {
		CreatedApiKey deactivated = createKey(this.alice, "to deactivate");
		this.keyService.deactivate(actor(), deactivated.key().publicId());
		CreatedApiKey deleted = createKey(this.alice, "to delete");
		this.keyService.delete(actor(), deleted.key().publicId());
		CreatedApiKey expiring = this.keyService.create(actor(),
				new NewApiKey("expiring", this.clock.instant().plusSeconds(60), null));
		this.clock.advance(Duration.ofSeconds(60));

		String unknown = "key_" + "0123456789abcdef".repeat(3);
		List<Response> refusals = new ArrayList<>();
		refusals.add(this.api.get(WHOAMI, null));
		refusals.add(this.api.get(WHOAMI, ""));
		refusals.add(this.api.get(WHOAMI, "not-a-key"));
		refusals.add(this.api.get(WHOAMI, unknown));
		refusals.add(this.api.get(WHOAMI, unknown.substring(0, unknown.length() - 1)));
		refusals.add(this.api.get(WHOAMI, unknown + "0"));
		refusals.add(this.api.get(WHOAMI, this.aliceToken.toUpperCase().replace("KEY_", "key_")));
		refusals.add(this.api.get(WHOAMI, this.aliceToken.substring(0, 20) + " " + this.aliceToken.substring(21)));
		refusals.add(this.api.get(WHOAMI, deactivated.token()));
		refusals.add(this.api.get(WHOAMI, deleted.token()));
		refusals.add(this.api.get(WHOAMI, expiring.token()));
		refusals.add(this.api.get(WHOAMI + "?x-api-key=" + this.aliceToken, null));
		refusals.add(this.api.get(WHOAMI + "?api_key=" + this.aliceToken, null));

		String expectedBody = refusals.get(0).body();
		assertThat(expectedBody).contains("\"status\":401");
		for (int i = 0; i < refusals.size(); i++) {
			Response refusal = refusals.get(i);
			assertThat(refusal.status()).as("refusal #%d", i).isEqualTo(401);
			assertThat(refusal.header("content-type")).isEqualTo("application/problem+json");
			assertThat(refusal.body()).isEqualTo(expectedBody);
			assertThat(refusal.hasHeader("set-cookie")).isFalse();
		}
		assertThat(this.api.get(WHOAMI, this.aliceToken).status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "non-ascii", "latin1", "control" })
	void oddBytesInTheHeaderAreRefusedWith401NeverA500(String kind) {
		byte[] value = switch (kind) {
			case "non-ascii" -> ("key_" + "é".repeat(48)).getBytes(StandardCharsets.UTF_8);
			case "latin1" -> ("key_" + "ÿ".repeat(48)).getBytes(StandardCharsets.ISO_8859_1);
			default -> new byte[] { 'k', 'e', 'y', '_', 1, 2, 3, 127 };
		};
		Response response = this.api.rawGet(WHOAMI, "x-api-key", value);
		assertThat(response.status()).isIn(400, 401);
	}

	@Test
	void aHugeHeaderIsRefusedNeverA500() {
		byte[] megabyte = "a".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
		Response response = this.api.rawGet(WHOAMI, "x-api-key", megabyte);
		assertThat(response.status()).isBetween(400, 499);
		assertThat(this.api.get(WHOAMI, this.aliceToken).status()).isEqualTo(200);
	}

	@Test
	void aRefusedKeyOnAPublicEndpointStillGetsNoSession() {
		Response response = this.api.get(KEYS, "key_nope");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.hasHeader("set-cookie")).isFalse();
	}

	// create

	@Test
	void createReturnsTheTokenOnceWithTheSeedsFields() {
		Response response = this.api.post(KEYS, this.aliceToken,
				"{\"name\": \"  CI pipeline  \", \"expires_at\": \"2030-01-31T12:00:00+01:00\"}");
		assertThat(response.status()).isEqualTo(201);
		JsonNode body = response.json();
		String token = body.get("token").asString();
		assertThat(token).matches("key_[0-9a-f]{48}");
		assertThat(body.get("token_prefix").asString()).isEqualTo(token.substring(0, 8));
		assertThat(body.get("name").asString()).isEqualTo("CI pipeline");
		assertThat(body.get("is_active").asBoolean()).isTrue();
		assertThat(body.get("heron_id").asString()).isNotBlank().doesNotContain(token.substring(4, 12));
		assertThat(Instant.parse(body.get("created").asString())).isBeforeOrEqualTo(Instant.now().plusSeconds(1));
		assertThat(Instant.parse(body.get("expires_at").asString())).isEqualTo(Instant.parse("2030-01-31T11:00:00Z"));
		assertThat(body.get("environment").asString()).isEqualTo("development");
		assertThat(body.get("created_by").asString()).isEqualTo(this.alice.email());
		assertThat(response.hasHeader("set-cookie")).isFalse();

		assertThat(this.api.get(WHOAMI, token).json().get("key_name").asString()).isEqualTo("CI pipeline");
		Response fetched = this.api.get(KEYS + "/" + body.get("heron_id").asString(), this.aliceToken);
		assertThat(fetched.body()).doesNotContain(token).doesNotContain(token.substring(8));
		assertThat(this.jdbc.sql("select count(*) from api_keys where token_hash = ? or token_hash = ?")
			.params(token, token.substring(4))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void heronIdsAreOpaqueNotSequential() {
		String first = this.api.post(KEYS, this.aliceToken, "{\"name\": \"one\"}").json().get("heron_id").asString();
		String second = this.api.post(KEYS, this.aliceToken, "{\"name\": \"two\"}").json().get("heron_id").asString();
		assertThat(first).hasSizeGreaterThan(20).isNotEqualTo(second).doesNotMatch("[0-9]+");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"name\": null}", "{\"name\": \"\"}", "{\"name\": \"   \"}" })
	void createRefusesAMissingOrBlankName(String body) {
		assertBadRequest(this.api.post(KEYS, this.aliceToken, body), "name");
	}

	@Test
	void createRefusesANameOver128Characters() {
		assertThat(this.api.post(KEYS, this.aliceToken, "{\"name\": \"" + "a".repeat(128) + "\"}").status())
			.isEqualTo(201);
		assertBadRequest(this.api.post(KEYS, this.aliceToken, "{\"name\": \"" + "a".repeat(129) + "\"}"), "name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": ", "not json", "[\"name\"]", "" })
	void createRefusesMalformedJson(String body) {
		assertBadRequest(this.api.post(KEYS, this.aliceToken, body), "body");
	}

	@Test
	void aBodyThatIsNotJsonOrAnUnsupportedMethodGetsAProblemNotA500() {
		Response text = this.api.post(KEYS, this.aliceToken, "text/plain", "name=x");
		assertThat(text.status()).isEqualTo(415);
		assertThat(text.header("content-type")).isEqualTo("application/problem+json");
		Response put = this.api.put(KEYS, this.aliceToken);
		assertThat(put.status()).isEqualTo(405);
		assertThat(put.header("content-type")).isEqualTo("application/problem+json");
		Response unknownPath = this.api.get("/api/credentials/nothing-here", this.aliceToken);
		assertThat(unknownPath.status()).isEqualTo(404);
		assertThat(unknownPath.header("content-type")).isEqualTo("application/problem+json");
	}

	@Test
	void createRefusesAnUnknownEnvironment() {
		assertBadRequest(this.api.post(KEYS, this.aliceToken, "{\"name\": \"x\", \"environment\": \"staging\"}"),
				"environment");
	}

	@Test
	void productionKeysNeedTheTenantsGrant() {
		String request = "{\"name\": \"prod\", \"environment\": \"production\"}";
		assertBadRequest(this.api.post(KEYS, this.aliceToken, request), "environment");
		this.tenants.grantProduction(this.alice.tenantId(), true);
		// a development key cannot mint a production key (issue 11): a production key can
		assertThat(this.api.post(KEYS, this.aliceToken, request).status()).isEqualTo(403);
		String productionToken = this.keyService
			.create(actor(), new NewApiKey("production caller", null, "production"))
			.token();
		Response created = this.api.post(KEYS, productionToken, request);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("environment").asString()).isEqualTo("production");
		assertThat(this.api.get(WHOAMI, created.json().get("token").asString()).json().get("environment").asString())
			.isEqualTo("production");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2001-01-01T00:00:00Z", "tomorrow", "2099-13-01T00:00:00Z", "2099-01-01", "" })
	void createRefusesAnExpirationInThePastOrUnparseable(String expiresAt) {
		assertBadRequest(
				this.api.post(KEYS, this.aliceToken, "{\"name\": \"x\", \"expires_at\": \"" + expiresAt + "\"}"),
				"expires_at");
	}

	@Test
	void aKeyStopsAuthenticatingAtItsExpiration() {
		String expiresAt = this.clock.instant().plusSeconds(30).toString();
		String token = this.api.post(KEYS, this.aliceToken, "{\"name\": \"short\", \"expires_at\": \"" + expiresAt + "\"}")
			.json()
			.get("token")
			.asString();
		assertThat(this.api.get(WHOAMI, token).status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.api.get(WHOAMI, token).status()).isEqualTo(401);
	}

	// list, get

	@Test
	void listShowsTheTenantsKeysNewestFirstPagedAndNeverATokenOrHash() {
		for (int i = 1; i <= 4; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			this.api.post(KEYS, this.aliceToken, "{\"name\": \"key " + i + "\"}");
		}
		Response firstPage = this.api.get(KEYS + "?size=2", this.aliceToken);
		assertThat(firstPage.status()).isEqualTo(200);
		JsonNode body = firstPage.json();
		assertThat(body.get("total").asLong()).isEqualTo(5);
		assertThat(body.get("total_exact").asBoolean()).isTrue();
		assertThat(body.get("has_more").asBoolean()).isTrue();
		assertThat(names(body)).containsExactly("key 4", "key 3");
		assertThat(names(this.api.get(KEYS + "?size=2&page=2", this.aliceToken).json())).containsExactly("Alice's CLI");
		String everything = this.api.get(KEYS + "?size=100", this.aliceToken).body();
		assertThat(everything).doesNotContain("\"token\"").doesNotContain("hash").doesNotContain(this.aliceToken);
		assertThat(everything).doesNotContain("Globex");
	}

	@Test
	void listSearchesByNameOrPrefix() {
		this.api.post(KEYS, this.aliceToken, "{\"name\": \"Billing worker\"}");
		String prefix = this.aliceToken.substring(0, 8);
		assertThat(names(this.api.get(KEYS + "?q=BILLING", this.aliceToken).json())).containsExactly("Billing worker");
		assertThat(names(this.api.get(KEYS + "?q=" + prefix, this.aliceToken).json())).contains("Alice's CLI");
		assertThat(names(this.api.get(KEYS + "?q=%25", this.aliceToken).json())).isEmpty();
		// names are found by their start (issue 13: an index serves it), no longer anywhere inside
		assertThat(names(this.api.get(KEYS + "?q=worker", this.aliceToken).json())).isEmpty();
		// a whole token finds its key by the token's hash; another tenant's token finds nothing
		assertThat(names(this.api.get(KEYS + "?q=" + this.aliceToken, this.aliceToken).json()))
			.containsExactly("Alice's CLI");
		assertThat(names(this.api.get(KEYS + "?q=" + this.otherToken, this.aliceToken).json())).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "?page=-1", "?size=0", "?size=101", "?page=abc", "?size=1e3" })
	void listRefusesBadPaging(String query) {
		Response response = this.api.get(KEYS + query, this.aliceToken);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("content-type")).isEqualTo("application/problem+json");
	}

	@Test
	void getShowsOneKey() {
		String id = this.api.post(KEYS, this.aliceToken, "{\"name\": \"one\"}").json().get("heron_id").asString();
		JsonNode key = this.api.get(KEYS + "/" + id, this.aliceToken).json();
		assertThat(key.get("name").asString()).isEqualTo("one");
		assertThat(key.get("status").asString()).isEqualTo("active");
		assertThat(key.get("created_by").asString()).isEqualTo(this.alice.email());
		assertThat(this.api.get(KEYS + "/does-not-exist", this.aliceToken).status()).isEqualTo(404);
	}

	// deactivate, reactivate, delete

	@Test
	void deactivationTakesEffectOnTheNextRequestAndReactivationRestoresAccess() {
		JsonNode created = this.api.post(KEYS, this.aliceToken, "{\"name\": \"rotating\"}").json();
		String id = created.get("heron_id").asString();
		String token = created.get("token").asString();
		assertThat(this.api.get(WHOAMI, token).status()).isEqualTo(200);

		Response deactivated = this.api.post(KEYS + "/" + id + "/deactivate", this.aliceToken);
		assertThat(deactivated.status()).isEqualTo(200);
		assertThat(deactivated.json().get("is_active").asBoolean()).isFalse();
		assertThat(deactivated.json().get("status").asString()).isEqualTo("inactive");
		assertThat(this.api.get(WHOAMI, token).status()).isEqualTo(401);

		Response reactivated = this.api.post(KEYS + "/" + id + "/reactivate", this.aliceToken);
		assertThat(reactivated.status()).isEqualTo(200);
		assertThat(reactivated.json().get("is_active").asBoolean()).isTrue();
		assertThat(this.api.get(WHOAMI, token).status()).isEqualTo(200);
	}

	@Test
	void deletionIsIrreversible() {
		JsonNode created = this.api.post(KEYS, this.aliceToken, "{\"name\": \"doomed\"}").json();
		String id = created.get("heron_id").asString();
		String token = created.get("token").asString();

		assertThat(this.api.delete(KEYS + "/" + id, this.aliceToken).status()).isEqualTo(204);
		assertThat(this.api.get(WHOAMI, token).status()).isEqualTo(401);
		assertThat(this.api.get(KEYS + "/" + id, this.aliceToken).status()).isEqualTo(404);
		assertThat(this.api.post(KEYS + "/" + id + "/reactivate", this.aliceToken).status()).isEqualTo(404);
		assertThat(this.api.post(KEYS + "/" + id + "/deactivate", this.aliceToken).status()).isEqualTo(404);
		assertThat(this.api.delete(KEYS + "/" + id, this.aliceToken).status()).isEqualTo(404);
		assertThat(this.api.get(KEYS + "?size=100", this.aliceToken).body()).doesNotContain("doomed");
		assertThat(this.api.get(WHOAMI, token).status()).isEqualTo(401);
	}

	@Test
	void aKeyCanDeactivateItselfAndIsRefusedRightAfter() {
		String id = this.api.get(KEYS + "?q=" + this.aliceToken.substring(0, 8), this.aliceToken)
			.json()
			.get("keys")
			.get(0)
			.get("heron_id")
			.asString();
		assertThat(this.api.post(KEYS + "/" + id + "/deactivate", this.aliceToken).status()).isEqualTo(200);
		assertThat(this.api.get(KEYS, this.aliceToken).status()).isEqualTo(401);
	}

	@Test
	void everyChangeIsAudited() {
		JsonNode created = this.api.post(KEYS, this.aliceToken, "{\"name\": \"audited\"}").json();
		String id = created.get("heron_id").asString();
		this.api.post(KEYS + "/" + id + "/deactivate", this.aliceToken);
		this.api.post(KEYS + "/" + id + "/reactivate", this.aliceToken);
		var history = this.keyService.history(this.alice.tenantId(), id);
		assertThat(history).extracting((event) -> event.action()).containsExactly("created", "deactivated", "reactivated");
		assertThat(history).allSatisfy((event) -> {
			assertThat(event.actor()).contains("Alice").contains(this.aliceToken.substring(0, 8));
			assertThat(event.clientIp()).isEqualTo("127.0.0.1");
		});
		this.api.delete(KEYS + "/" + id, this.aliceToken);
		assertThat(this.jdbc.sql("select action from audit_events e join api_keys k on k.id = e.api_key_id "
				+ "where k.public_id = ? order by e.id")
			.param(id)
			.query(String.class)
			.list()).containsExactly("created", "deactivated", "reactivated", "deleted");
	}

	// tenant isolation

	@Test
	void anotherTenantsKeyIdBehavesLikeOneThatDoesNotExistOnEveryEndpoint() {
		String path = KEYS + "/" + this.otherKeyId;
		for (Response response : List.of(this.api.get(path, this.aliceToken),
				this.api.post(path + "/deactivate", this.aliceToken), this.api.post(path + "/reactivate", this.aliceToken),
				this.api.delete(path, this.aliceToken))) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.json().get("detail")).isEqualTo(this.api.get(KEYS + "/nope", this.aliceToken).json().get("detail"));
			assertThat(response.body()).doesNotContain("Globex");
		}
		assertThat(this.api.get(KEYS + "?size=100&q=Globex", this.aliceToken).json().get("total").asLong()).isZero();

		JsonNode untouched = this.api.get(KEYS + "/" + this.otherKeyId, this.otherToken).json();
		assertThat(untouched.get("is_active").asBoolean()).isTrue();
		assertThat(untouched.get("name").asString()).isEqualTo("Globex production service");
		assertThat(this.api.get(WHOAMI, this.otherToken).status()).isEqualTo(200);
	}

	@Test
	void keysCreatedThroughTheApiBelongToTheCallersTenant() {
		this.api.post(KEYS, this.aliceToken, "{\"name\": \"mine\"}");
		assertThat(this.api.get(KEYS + "?q=mine", this.otherToken).json().get("total").asLong()).isZero();
		assertThat(this.api.get(KEYS + "?q=mine", this.aliceToken).json().get("total").asLong()).isEqualTo(1);
	}

	private Actor actor() {
		return Actor.user(this.alice.tenantId(), this.alice.id(), "127.0.0.1");
	}

	private static List<String> names(JsonNode page) {
		List<String> names = new ArrayList<>();
		page.get("keys").forEach((key) -> names.add(key.get("name").asString()));
		return names;
	}

	private static void assertBadRequest(Response response, String field) {
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("content-type")).isEqualTo("application/problem+json");
		assertThat(response.json().get("field").asString()).isEqualTo(field);
		assertThat(response.json().get("detail").asString()).isNotBlank();
	}

}
