package dev.latchkey.apikey.api;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.CreatedApiKey;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.ApiClient;
import dev.latchkey.support.ApiClient.Response;
import dev.latchkey.support.MutableClock;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/credentials/keys/{id}/roll and PATCH /api/credentials/keys/{id}, good and bad input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, TestAccounts.class })
class KeyLifecycleApiTest {

	private static final String KEYS = "/api/credentials/keys/";

	@LocalServerPort
	int port;

	@Autowired
	ApiKeyService keys;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	ApiClient api;

	Tenant tenant;

	User admin;

	/** An admin's key with every built-in scope: the caller. */
	CreatedApiKey caller;

	/** The clock is the context's, shared with other test classes, whose signed-in sessions it times. */
	@org.junit.jupiter.api.AfterEach
	void realTime() {
		this.clock.set(java.time.Instant.now());
	}

	@BeforeEach
	void tenantAndCaller() {
		this.api = new ApiClient(this.port);
		this.tenant = this.accounts.tenant("Lifecycle API " + UUID.randomUUID(), true);
		this.admin = this.accounts.admin(this.tenant, UUID.randomUUID() + "@lifecycle.test", "Ada", "unused pass");
		this.caller = this.keys.create(actor(this.admin), new NewApiKey("Caller", null, null));
	}

	@Test
	void rollAnswersLikeCreateAndBothTokensWorkUntilTheGraceEnds() {
		CreatedApiKey old = this.keys.create(actor(this.admin),
				new NewApiKey("Billing", null, null, List.of("keys:read")));

		Response rolled = this.api.post(KEYS + old.key().publicId() + "/roll", this.caller.token(),
				"{\"expire_old_in_seconds\": 3600}");

		assertThat(rolled.status()).isEqualTo(201);
		var body = rolled.json();
		String newToken = body.get("token").asString();
		assertThat(newToken).startsWith("key_");
		assertThat(body.get("name").asString()).isEqualTo("Billing");
		assertThat(body.get("heron_id").asString()).isNotEqualTo(old.key().publicId());
		assertThat(body.get("scopes").toString()).contains("keys:read").doesNotContain("keys:write");
		assertThat(body.has("token_prefix") && body.has("created") && body.has("is_active")).isTrue();
		assertThat(body.get("rolled_from").get("heron_id").asString()).isEqualTo(old.key().publicId());
		assertThat(body.get("rolled_from").get("token_prefix").asString()).isEqualTo(old.key().tokenPrefix());
		var oldAfter = this.api.get(KEYS + old.key().publicId(), this.caller.token()).json();
		assertThat(oldAfter.get("rolled_to").get("heron_id").asString()).isEqualTo(body.get("heron_id").asString());
		assertThat(oldAfter.get("rolled_to").get("deleted").asBoolean()).isFalse();
		assertThat(oldAfter.get("rolled_from").isNull()).isTrue();

		assertThat(this.api.get("/api/credentials/keys", old.token()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/credentials/keys", newToken).status()).isEqualTo(200);
		this.clock.advance(Duration.ofHours(1).plusSeconds(1));
		assertThat(this.api.get("/api/credentials/keys", old.token()).status()).isEqualTo(401);
		assertThat(this.api.get("/api/credentials/keys", newToken).status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"expire_old_in_seconds\": -1}", "{\"expire_old_in_seconds\": 315360000}",
			"{\"expire_old_in_seconds\": 604801}", "{}", "{\"expire_old_in_seconds\": \"3600\"}",
			"{\"expire_old_in_seconds\": 3600, \"grace\": 1}" })
	void aBadRollIsA400NamingTheFieldAndRollsNothing(String json) {
		CreatedApiKey old = this.keys.create(actor(this.admin), new NewApiKey("Worker", null, null));

		Response response = this.api.post(KEYS + old.key().publicId() + "/roll", this.caller.token(), json);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).isIn("expire_old_in_seconds", "grace");
		assertThat(this.keys.list(this.tenant.id(), "Worker", 0, 10).total()).isEqualTo(1);
		assertThat(this.keys.find(this.tenant.id(), old.key().publicId()).expiresAt()).isNull();
	}

	@Test
	void patchRenamesChangesTheExpirationAndTellsAbsentFromNull() {
		CreatedApiKey key = this.keys.create(actor(this.admin), new NewApiKey("Old", null, null));
		String path = KEYS + key.key().publicId();

		Response renamed = this.api.patch(path, this.caller.token(), "{\"name\": \"New\"}");
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("name").asString()).isEqualTo("New");

		Response dated = this.api.patch(path, this.caller.token(), "{\"expires_at\": \"2099-01-31T12:00:00Z\"}");
		assertThat(dated.status()).isEqualTo(400);
		assertThat(dated.json().get("field").asString()).isEqualTo("expires_at");

		String inAMonth = this.clock.instant().plus(Duration.ofDays(30)).toString();
		Response extended = this.api.patch(path, this.caller.token(), "{\"expires_at\": \"" + inAMonth + "\"}");
		assertThat(extended.status()).isEqualTo(200);
		assertThat(extended.json().get("expires_at").isNull()).isFalse();
		assertThat(extended.json().get("name").asString()).as("absent: unchanged").isEqualTo("New");

		Response renamedOnly = this.api.patch(path, this.caller.token(), "{\"name\": \"Newer\"}");
		assertThat(renamedOnly.json().get("expires_at").isNull()).as("absent: unchanged").isFalse();

		Response never = this.api.patch(path, this.caller.token(), "{\"expires_at\": null}");
		assertThat(never.status()).isEqualTo(200);
		assertThat(never.json().get("expires_at").isNull()).as("explicit null: never").isTrue();
	}

	@Test
	void patchRefusesUnknownFieldsLongNamesAndBadDatesNamingTheField() {
		CreatedApiKey key = this.keys.create(actor(this.admin), new NewApiKey("Kept", null, null));
		String path = KEYS + key.key().publicId();

		assertField(this.api.patch(path, this.caller.token(), "{\"name\": \"x\", \"expires\": null}"), "expires");
		assertField(this.api.patch(path, this.caller.token(), "{\"name\": \"" + "n".repeat(129) + "\"}"), "name");
		assertField(this.api.patch(path, this.caller.token(), "{\"name\": null}"), "name");
		assertField(this.api.patch(path, this.caller.token(), "{\"name\": 42}"), "name");
		assertField(this.api.patch(path, this.caller.token(), "{\"expires_at\": \"tomorrow\"}"), "expires_at");
		assertField(this.api.patch(path, this.caller.token(), "{\"name\": \"Lost\", \"expires_at\": \"2000-01-01T00:00:00Z\"}"),
				"expires_at");
		assertThat(this.keys.find(this.tenant.id(), key.key().publicId()).name()).isEqualTo("Kept");
	}

	@Test
	void aKeyWithoutKeysWriteMayNotRollOrPatch() {
		CreatedApiKey target = this.keys.create(actor(this.admin), new NewApiKey("Target", null, null));
		CreatedApiKey reader = this.keys.create(actor(this.admin),
				new NewApiKey("Reader", null, null, List.of("keys:read")));

		Response roll = this.api.post(KEYS + target.key().publicId() + "/roll", reader.token(),
				"{\"expire_old_in_seconds\": 0}");
		Response patch = this.api.patch(KEYS + target.key().publicId(), reader.token(), "{\"name\": \"Mine\"}");

		assertThat(roll.status()).isEqualTo(403);
		assertThat(roll.body()).contains("keys:write");
		assertThat(patch.status()).isEqualTo(403);
		assertThat(this.keys.find(this.tenant.id(), target.key().publicId()).name()).isEqualTo("Target");
	}

	@Test
	void aKeyRollsOnlyWithinItsOwnScopesAndItsCreatorsRole() {
		CreatedApiKey wide = this.keys.create(actor(this.admin), new NewApiKey("Wide", null, null));
		CreatedApiKey narrow = this.keys.create(actor(this.admin),
				new NewApiKey("Narrow", null, null, List.of("keys:read", "keys:write")));
		Response escalation = this.api.post(KEYS + wide.key().publicId() + "/roll", narrow.token(),
				"{\"expire_old_in_seconds\": 0}");
		assertThat(escalation.status()).isEqualTo(403);

		User developer = this.accounts.member(this.tenant, UUID.randomUUID() + "@lifecycle.test", "Dev",
				"unused pass", Role.DEVELOPER);
		CreatedApiKey developersKey = this.keys.create(actor(developer), new NewApiKey("Dev's", null, null));
		Response othersKey = this.api.post(KEYS + wide.key().publicId() + "/roll", developersKey.token(),
				"{\"expire_old_in_seconds\": 0}");
		Response othersRename = this.api.patch(KEYS + wide.key().publicId(), developersKey.token(),
				"{\"name\": \"Mine\"}");
		assertThat(othersKey.status()).isEqualTo(403);
		assertThat(othersRename.status()).isEqualTo(403);
		assertThat(this.keys.find(this.tenant.id(), wide.key().publicId()).rolledTo()).isNull();
		assertThat(this.api.post(KEYS + developersKey.key().publicId() + "/roll", developersKey.token(),
				"{\"expire_old_in_seconds\": 60}").status()).isEqualTo(201);
	}

	@Test
	void rollingTwiceIsAConflict() {
		CreatedApiKey old = this.keys.create(actor(this.admin), new NewApiKey("Twice", null, null));
		String path = KEYS + old.key().publicId() + "/roll";
		assertThat(this.api.post(path, this.caller.token(), "{\"expire_old_in_seconds\": 60}").status()).isEqualTo(201);
		assertThat(this.api.post(path, this.caller.token(), "{\"expire_old_in_seconds\": 60}").status()).isEqualTo(409);
	}

	private static void assertField(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).isEqualTo(field);
	}

	private Actor actor(User user) {
		return Actor.user(this.tenant.id(), user.id(), "127.0.0.1");
	}

}
