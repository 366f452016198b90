package dev.latchkey.apikey.web;

import java.util.Map;

import dev.latchkey.account.User;
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

/** Settings → Security: custom scope names, the default rate limit and the leak policy. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, TestAccounts.class })
class SecuritySettingsWebTest {

	static final String PATH = "/settings/security";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	DashboardClient admin;

	@BeforeEach
	void signIn() {
		Tenant tenant = this.accounts.tenant("Secure " + System.nanoTime(), false);
		User user = this.accounts.admin(tenant, "admin-" + System.nanoTime() + "@secure.test", "Ada Admin", "password-1");
		this.admin = new DashboardClient(this.port);
		this.admin.signIn(user.email(), "password-1");
	}

	@Test
	void thePageShowsTheDefaultsInSections() {
		Response page = this.admin.get(PATH);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Scopes of your own").contains("Default rate limit")
			.contains("Notify only").contains("Deactivate at once")
			.containsPattern("value=\"deactivate\"[^>]*checked");
		assertThat(this.admin.get("/settings/api-credentials").body()).contains("data-testid=\"nav-security\"");
	}

	@Test
	void savedSettingsAreShownAndOfferedInTheCreateDialog() {
		this.admin.get(PATH);
		Response saved = this.admin.post(PATH, Map.of("customScopes", "billing:read\nreports.export", "rateLimitRequests",
				"120", "rateLimitPerSeconds", "60", "leakPolicy", "notify"));

		assertThat(saved.location()).endsWith(PATH);
		Response page = this.admin.get(PATH);
		assertThat(page.body()).contains("billing:read").contains("reports.export").contains("value=\"120\"")
			.containsPattern("value=\"notify\"[^>]*checked").contains("Saved the security settings");
		assertThat(this.admin.get("/settings/api-credentials/new", Map.of("HX-Request", "true")).body())
			.contains("value=\"billing:read\"").contains("value=\"reports.export\"");
	}

	@Test
	void badValuesComeBackNextToTheirFields() {
		this.admin.get(PATH);
		Response badScope = this.admin.post(PATH,
				Map.of("customScopes", "Billing Read!", "rateLimitRequests", "", "rateLimitPerSeconds", "", "leakPolicy",
						"deactivate"));
		assertThat(badScope.status()).isEqualTo(422);
		assertThat(badScope.body()).contains("data-testid=\"error-custom-scopes\"");

		Response badLimit = this.admin.post(PATH,
				Map.of("customScopes", "", "rateLimitRequests", "100", "rateLimitPerSeconds", "", "leakPolicy", "deactivate"));
		assertThat(badLimit.status()).isEqualTo(422);
		assertThat(badLimit.body()).contains("data-testid=\"error-default-rate-limit\"");
		assertThat(this.admin.get(PATH).body()).doesNotContain("value=\"100\"");
	}

	@Test
	void aSignedOutVisitorIsSentToSignIn() {
		assertThat(new DashboardClient(this.port).get(PATH).location()).endsWith("/login");
	}

}
