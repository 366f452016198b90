package dev.latchkey.apikey.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.account.User;
import dev.latchkey.support.DashboardClient.Response;
import dev.latchkey.support.DashboardClient;
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

/** The HTTP contracts of Settings → API Credentials, over real HTTP with a real session. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:api-credentials-web;DB_CLOSE_DELAY=-1",
				"latchkey.bootstrap.admin-password=bootstrap-password-1" })
@Import({ TestClockConfiguration.class, TestAccounts.class })
class ApiCredentialsWebTest {

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
		Tenant tenant = this.accounts.tenant("Acme " + System.nanoTime(), false);
		User user = this.accounts.admin(tenant, "admin-" + System.nanoTime() + "@acme.test", "Ada Admin", "password-1");
		this.admin = new DashboardClient(this.port);
		assertThat(this.admin.signIn(user.email(), "password-1").location()).endsWith(PATH);
		this.admin.get(PATH);
	}

	@Test
	void theTokenIsInTheCreateResponseOnlyAndThatResponseIsNotStored() {
		Response created = create(this.admin, "CI pipeline");

		assertThat(created.status()).isEqualTo(200);
		assertThat(created.header("Cache-Control")).contains("no-store");
		assertThat(created.header("HX-Trigger")).contains("\"keys-changed\"").contains("Key 'CI pipeline' created");
		Matcher token = TOKEN.matcher(created.body());
		assertThat(token.find()).isTrue();
		assertThat(created.body()).contains("will not be shown again");

		Response list = this.admin.get(PATH);
		assertThat(list.body()).contains("CI pipeline").contains(token.group().substring(0, 8) + "…");
		assertThat(list.body()).doesNotContain(token.group()).doesNotContain(token.group().substring(8));
		Response detail = this.admin.get(PATH + "/" + keyId(list));
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.body()).contains("CI pipeline").doesNotContain(token.group().substring(8));
	}

	@Test
	void unsafeRequestsWithoutTheCsrfTokenAreRefused() {
		create(this.admin, "Guarded");
		String id = keyId(this.admin.get(PATH));

		assertThat(this.admin.postWithoutCsrf(PATH, Map.of("name", "Forged", "expiration", "never"), HTMX).status())
			.isEqualTo(403);
		assertThat(this.admin.postWithoutCsrf(PATH + "/" + id + "/deactivate", Map.of(), HTMX).status()).isEqualTo(403);
		assertThat(this.admin.postWithoutCsrf(PATH + "/" + id + "/delete", Map.of(), Map.of()).status()).isEqualTo(403);

		Response list = this.admin.get(PATH);
		assertThat(list.body()).doesNotContain("Forged").contains("Guarded");
		assertThat(this.admin.get(PATH + "/" + id).body()).contains("Active").doesNotContain(">Inactive<");
	}

	@Test
	void validationErrorsComeBackInTheFormNextToTheField() {
		Response blank = this.admin.postWithHeaders(PATH, Map.of("name", " ", "expiration", "never"), HTMX);
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.body()).contains("data-testid=\"error-name\">Name is required<")
			.contains("id=\"create-key-form\"");

		Response tooLong = this.admin.postWithHeaders(PATH, Map.of("name", "x".repeat(129), "expiration", "never"), HTMX);
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.body()).contains("Name must be at most 128 characters");

		Response past = this.admin.postWithHeaders(PATH,
				Map.of("name", "Old", "expiration", "custom", "customDate", "2001-01-01"), HTMX);
		assertThat(past.status()).isEqualTo(422);
		assertThat(past.body()).contains("data-testid=\"error-customDate\"").contains("value=\"Old\"");

		Response production = this.admin.postWithHeaders(PATH,
				Map.of("name", "Prod", "expiration", "never", "environment", "production"), HTMX);
		assertThat(production.status()).isEqualTo(422);
		assertThat(production.body()).contains("data-testid=\"error-environment\"");

		assertThat(this.admin.get(PATH).body()).contains("No API keys yet");
	}

	@Test
	void aScriptInAKeyNameIsShownAsText() {
		create(this.admin, "<script>alert(1)</script>");

		Response list = this.admin.get(PATH);
		assertThat(list.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
		assertThat(this.admin.get(PATH + "/" + keyId(list)).body()).doesNotContain("<script>alert(1)");
	}

	@Test
	void anotherTenantsKeyIsNotFound() {
		create(this.admin, "Acme secret key");
		String id = keyId(this.admin.get(PATH));

		Tenant other = this.accounts.tenant("Other " + System.nanoTime(), false);
		User intruder = this.accounts.admin(other, "intruder-" + System.nanoTime() + "@other.test", "Eve", "password-2");
		DashboardClient eve = new DashboardClient(this.port);
		eve.signIn(intruder.email(), "password-2");
		Response eveList = eve.get(PATH);

		assertThat(eveList.body()).doesNotContain("Acme secret key").contains("No API keys yet");
		assertThat(eve.get(PATH + "/" + id).status()).isEqualTo(404);
		assertThat(eve.get(PATH + "/" + id + "/delete", HTMX).status()).isEqualTo(404);
		eve.get(PATH);
		assertThat(eve.postWithHeaders(PATH + "/" + id + "/deactivate", Map.of(), HTMX).status()).isEqualTo(404);
		eve.get(PATH);
		assertThat(eve.post(PATH + "/" + id + "/delete", Map.of()).status()).isEqualTo(404);

		assertThat(this.admin.get(PATH + "/" + id).body()).contains("Acme secret key").contains(">Active<");
	}

	@Test
	void deactivateAndReactivateAnswerHtmxWithTheRowAndFormsWithARedirect() {
		create(this.admin, "Toggle me");
		String id = keyId(this.admin.get(PATH));

		// htmx names the page it was sent from: the list (the detail view gets a reload of itself instead)
		Response row = this.admin.postWithHeaders(PATH + "/" + id + "/deactivate", Map.of(),
				Map.of("HX-Request", "true", "HX-Current-URL", "http://127.0.0.1:" + this.port + PATH));
		assertThat(row.status()).isEqualTo(200);
		assertThat(row.body().strip()).startsWith("<tr").contains(">Inactive<").contains("Reactivate");

		Response redirect = this.admin.post(PATH + "/" + id + "/reactivate", Map.of());
		assertThat(redirect.location()).endsWith(PATH + "/" + id);
		Response detail = this.admin.get(PATH + "/" + id);
		assertThat(detail.body()).contains(">Active<").contains("Deactivated").contains("Reactivated");
	}

	@Test
	void deleteIsConfirmedThenGone() {
		create(this.admin, "Short-lived");
		String id = keyId(this.admin.get(PATH));

		Response dialog = this.admin.get(PATH + "/" + id + "/delete", HTMX);
		assertThat(dialog.body()).contains("<dialog").contains("irreversible").contains("Short-lived");

		Response deleted = this.admin.post(PATH + "/" + id + "/delete", Map.of());
		assertThat(deleted.location()).endsWith(PATH);
		assertThat(this.admin.get(PATH).body()).contains("Key &#39;Short-lived&#39; deleted").doesNotContain("data-key-id");
		// its detail URL keeps the history (issue 10: the audit log links to deleted keys), with no action left
		Response gone = this.admin.get(PATH + "/" + id);
		assertThat(gone.status()).isEqualTo(200);
		assertThat(gone.body()).contains("data-testid=\"detail-deleted\"").doesNotContain("data-testid=\"delete\"");
		assertThat(this.admin.get(PATH + "/" + id + "/delete", HTMX).status()).isEqualTo(404);
	}

	@Test
	void anHtmxRequestWithoutASessionLeadsTheBrowserToSignInInsteadOfSwappingTheLoginForm() {
		DashboardClient expired = new DashboardClient(this.port);

		Response htmx = expired.get(PATH, HTMX);
		assertThat(htmx.status()).isEqualTo(401);
		assertThat(htmx.header("HX-Redirect")).isEqualTo("/login");
		assertThat(htmx.body()).doesNotContain("<form");
		assertThat(expired.get(PATH).location()).endsWith("/login");
	}

	@Test
	void pagesRunUnderAStrictContentSecurityPolicyWithNothingInline() {
		create(this.admin, "Policy");
		Response list = this.admin.get(PATH);
		String id = keyId(list);

		for (Response page : new Response[] { list, this.admin.get(PATH + "/" + id), this.admin.get(PATH + "/new", HTMX),
				this.admin.get("/login") }) {
			assertThat(page.header("Content-Security-Policy")).isEqualTo("default-src 'self'; frame-ancestors 'none'");
			assertThat(page.header("Referrer-Policy")).isNotBlank();
			assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)")
				.doesNotContainPattern("\\sstyle=")
				.doesNotContainPattern("\\son[a-z]+=")
				.doesNotContain("hx-on");
		}
	}

	@Test
	void theListIsPagedAndSearchable() {
		for (int i = 1; i <= 27; i++) {
			create(this.admin, String.format("Service %02d", i));
		}
		Response first = this.admin.get(PATH);
		assertThat(first.body()).contains("Service 27").contains("Showing 1–25 of 27 keys").doesNotContain("Service 02<");

		// pages count from 1 in the dashboard's URLs (page=2 is the second page; it was page=1 before the filters)
		Response second = this.admin.get(PATH + "?page=2", HTMX);
		assertThat(second.body().strip()).startsWith("<section");
		assertThat(second.body()).contains("Service 02").contains("Service 01").doesNotContain("Service 27");

		Response search = this.admin.get(PATH + "?q=service+1", HTMX);
		assertThat(search.body()).contains("Service 10").contains("Service 19").doesNotContain("Service 20");

		Response none = this.admin.get(PATH + "?q=nothing-like-this");
		assertThat(none.body()).contains("No API keys match");
	}

	private static Response create(DashboardClient client, String name) {
		client.get(PATH);
		return client.postWithHeaders(PATH, Map.of("name", name, "expiration", "never"), HTMX);
	}

	private static String keyId(Response list) {
		Matcher id = KEY_ID.matcher(list.body());
		assertThat(id.find()).as("a key row in the list").isTrue();
		return id.group(1);
	}

}
