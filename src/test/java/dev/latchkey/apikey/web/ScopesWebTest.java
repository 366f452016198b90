package dev.latchkey.apikey.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.account.User;
import dev.latchkey.support.ApiClient;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.DashboardClient.Response;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** Scopes in the dashboard: chosen in the create dialog, shown in the table and detail view, changed by a person. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, TestAccounts.class })
class ScopesWebTest {

	static final String PATH = "/settings/api-credentials";

	static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	private static final Pattern TOKEN = Pattern.compile("key_[0-9a-f]{48}");

	private static final Pattern KEY_ID = Pattern.compile("data-key-id=\"([0-9a-f-]{36})\"");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	DashboardClient admin;

	@BeforeEach
	void signIn() {
		Tenant tenant = this.accounts.tenant("Scoped " + System.nanoTime(), false);
		User user = this.accounts.admin(tenant, "admin-" + System.nanoTime() + "@scoped.test", "Ada Admin", "password-1");
		this.admin = new DashboardClient(this.port);
		this.admin.signIn(user.email(), "password-1");
	}

	@Test
	void theCreateDialogOffersFullAccessOrRestrictedDefaultingToRestrictedWithKeysRead() {
		Response dialog = this.admin.get(PATH + "/new", HTMX);

		assertThat(dialog.body()).contains("Full access").contains("Restricted");
		assertThat(dialog.body()).containsPattern("value=\"restricted\"[^>]*checked");
		assertThat(dialog.body()).doesNotContainPattern("value=\"full\"[^>]*checked");
		assertThat(dialog.body()).containsPattern("value=\"keys:read\"[^>]*checked");
		assertThat(dialog.body()).doesNotContainPattern("value=\"keys:write\"[^>]*checked");
		assertThat(dialog.body()).contains("value=\"keys:verify\"");
	}

	@Test
	void aRestrictedKeyShowsItsScopesAndIsRefusedWhatItLacksOverHttp() {
		String token = create("Reader", "restricted", List.of("keys:read", "keys:verify"));

		Response list = this.admin.get(PATH);
		assertThat(list.body()).contains("keys:read, keys:verify");
		String id = keyId(list);
		assertThat(this.admin.get(PATH + "/" + id).body()).contains("keys:read keys:verify");

		ApiClient api = new ApiClient(this.port);
		assertThat(api.get("/api/credentials/keys", token).status()).isEqualTo(200);
		Response refused = toResponse(api.post("/api/credentials/keys", token, "{\"name\": \"x\"}"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("keys:write");
	}

	@Test
	void fullAccessIsEveryBuiltInScope() {
		String token = create("Everything", "full", List.of());

		assertThat(this.admin.get(PATH).body()).contains(">Full access<");
		assertThat(new ApiClient(this.port).post("/api/credentials/keys", token, "{\"name\": \"x\"}").status())
			.isEqualTo(201);
	}

	@Test
	void aPersonChangesAKeysScopesInTheDetailView() {
		String token = create("Changing", "restricted", List.of("keys:read"));
		String id = keyId(this.admin.get(PATH));
		this.admin.get(PATH + "/" + id);

		Response saved = this.admin.postFields(PATH + "/" + id + "/scopes",
				Map.of("scopes", List.of("keys:read", "keys:write")), Map.of());

		assertThat(saved.location()).endsWith(PATH + "/" + id);
		Response detail = this.admin.get(PATH + "/" + id);
		assertThat(detail.body()).contains("keys:read keys:write").contains("Scopes changed");
		assertThat(new ApiClient(this.port).post("/api/credentials/keys", token,
				"{\"name\": \"x\", \"scopes\": [\"keys:read\"]}").status()).isEqualTo(201);
	}

	@Test
	void anUnknownScopeComesBackNextToTheField() {
		this.admin.get(PATH);
		Response response = this.admin.postFields(PATH,
				Map.of("name", List.of("Odd"), "expiration", List.of("never"), "access", List.of("restricted"), "scopes",
						List.of("keys:admin")),
				HTMX);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body()).contains("data-testid=\"error-scopes\"").contains("Unknown scope");
	}

	private String create(String name, String access, List<String> scopes) {
		this.admin.get(PATH);
		Response created = this.admin.postFields(PATH, Map.of("name", List.of(name), "expiration", List.of("never"),
				"access", List.of(access), "scopes", scopes), HTMX);
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		Matcher token = TOKEN.matcher(created.body());
		assertThat(token.find()).isTrue();
		return token.group();
	}

	private static Response toResponse(ApiClient.Response response) {
		return new Response(response.status(), Map.of(), response.body());
	}

	private static String keyId(Response list) {
		Matcher id = KEY_ID.matcher(list.body());
		assertThat(id.find()).as("a key row in the list").isTrue();
		return id.group(1);
	}

}
