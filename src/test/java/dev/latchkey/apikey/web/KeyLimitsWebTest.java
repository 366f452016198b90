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

/** Allowed IP addresses and the rate limit of a key in the dashboard: the create dialog and the detail view. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, TestAccounts.class })
class KeyLimitsWebTest {

	static final String PATH = "/settings/api-credentials";

	static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	private static final Pattern TOKEN = Pattern.compile("key_[0-9a-f]{48}");

	private static final Pattern KEY_ID = Pattern.compile("data-key-id=\"([0-9a-f-]{36})\"");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	DashboardClient admin;

	ApiClient api;

	@BeforeEach
	void signIn() {
		Tenant tenant = this.accounts.tenant("Fenced " + System.nanoTime(), false);
		User user = this.accounts.admin(tenant, "admin-" + System.nanoTime() + "@fenced.test", "Ada Admin", "password-1");
		this.admin = new DashboardClient(this.port);
		this.admin.signIn(user.email(), "password-1");
		this.api = new ApiClient(this.port);
	}

	@Test
	void allowedIpAddressesAreSetInTheCreateDialogAndChangedInTheDetailView() {
		assertThat(this.admin.get(PATH + "/new", HTMX).body()).contains("Allowed IP addresses");
		String token = create("Fenced", "10.1.2.3/8\n2001:DB8::1");
		String id = keyId(this.admin.get(PATH));
		Response detail = this.admin.get(PATH + "/" + id);
		assertThat(detail.body()).contains("10.0.0.0/8, 2001:db8::1");
		assertThat(this.api.get("/api/hello_world/authenticated", token).status()).isEqualTo(403);

		Response saved = this.admin.post(PATH + "/" + id + "/allowed-ips", Map.of("allowedIps", "127.0.0.1"));

		assertThat(saved.location()).endsWith(PATH + "/" + id);
		assertThat(this.api.get("/api/hello_world/authenticated", token).status()).isEqualTo(200);
		assertThat(this.admin.get(PATH + "/" + id).body()).contains("Allowed IPs changed");
	}

	@Test
	void aBadAddressComesBackNextToTheField() {
		this.admin.get(PATH);
		Response dialog = this.admin.postFields(PATH, Map.of("name", List.of("Bad"), "expiration", List.of("never"),
				"access", List.of("restricted"), "scopes", List.of("keys:read"), "allowedIps", List.of("example.com")),
				HTMX);
		assertThat(dialog.status()).isEqualTo(422);
		assertThat(dialog.body()).contains("data-testid=\"error-allowedIps\"").contains("example.com");

		create("Good", "");
		String id = keyId(this.admin.get(PATH));
		this.admin.get(PATH + "/" + id);
		Response detail = this.admin.post(PATH + "/" + id + "/allowed-ips", Map.of("allowedIps", "1.2.3.999"));
		assertThat(detail.status()).isEqualTo(422);
		assertThat(detail.body()).contains("data-testid=\"error-allowedIps\"").contains("1.2.3.999");
	}

	@Test
	void aPersonSetsAKeysOwnRateLimitInTheDetailView() {
		String token = create("Limited", "");
		String id = keyId(this.admin.get(PATH));
		this.admin.get(PATH + "/" + id);

		Response saved = this.admin.post(PATH + "/" + id + "/rate-limit", Map.of("requests", "7", "perSeconds", "60"));

		assertThat(saved.location()).endsWith(PATH + "/" + id);
		assertThat(this.api.get("/api/hello_world/authenticated", token).header("RateLimit-Policy"))
			.isEqualTo("\"default\";q=7;w=60");
		this.admin.get(PATH + "/" + id);
		Response bad = this.admin.post(PATH + "/" + id + "/rate-limit", Map.of("requests", "0", "perSeconds", "60"));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("data-testid=\"error-rate-limit\"");
	}

	private String create(String name, String allowedIps) {
		this.admin.get(PATH);
		Response created = this.admin.postFields(PATH, Map.of("name", List.of(name), "expiration", List.of("never"),
				"access", List.of("full"), "allowedIps", List.of(allowedIps)), HTMX);
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		Matcher token = TOKEN.matcher(created.body());
		assertThat(token.find()).isTrue();
		return token.group();
	}

	private static String keyId(Response list) {
		Matcher id = KEY_ID.matcher(list.body());
		assertThat(id.find()).as("a key row in the list").isTrue();
		return id.group(1);
	}

}
