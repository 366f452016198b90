package dev.latchkey.apikey.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.CreatedApiKey;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.DashboardClient.Response;
import dev.latchkey.support.MutableClock;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key actions of a row and of the detail view (fragments/key-actions.html): which are offered to whom, how each
 * confirms itself (a toast through htmx's HX-Trigger, or the notice without JavaScript), and the token dialog.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, TestAccounts.class })
class KeyActionsWebTest {

	static final String PATH = "/settings/api-credentials";

	private static final Pattern TOKEN = Pattern.compile("key_[0-9a-f]{48}");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ApiKeyService keys;

	@Autowired
	MutableClock clock;

	Tenant tenant;

	User adminUser;

	DashboardClient admin;

	@BeforeEach
	void signIn() {
		this.clock.set(Instant.now());
		this.tenant = this.accounts.tenant("Actions " + UUID.randomUUID(), false);
		this.adminUser = this.accounts.admin(this.tenant, unique("admin"), "Ada Admin", "password-1");
		this.admin = signedIn(this.adminUser);
	}

	@AfterEach
	void realTime() {
		this.clock.set(Instant.now());
	}

	@Test
	void deactivatingFromTheListSwapsTheRowAndSaysSoInAToast() {
		String id = create("CI pipeline", null).key().publicId();

		Response row = this.admin.postWithHeaders(PATH + "/" + id + "/deactivate", Map.of(), htmxFrom(PATH + "?q=ci"));

		assertThat(row.status()).isEqualTo(200);
		assertThat(row.body().strip()).startsWith("<tr").contains(">Inactive<").contains("data-testid=\"reactivate\"");
		assertThat(row.header("HX-Trigger")).contains("\"toast\"")
			.contains("\"message\":\"Key 'CI pipeline' deactivated\"")
			.contains("\"focus\":\"#key-menu-button-" + id + "\"")
			.doesNotContain("keys-changed");
	}

	@Test
	void deactivatingFromTheDetailViewReloadsItAndFocusesTheWayBack() {
		String id = create("CI pipeline", null).key().publicId();

		Response done = this.admin.postWithHeaders(PATH + "/" + id + "/deactivate", Map.of(), htmxFrom(PATH + "/" + id));

		assertThat(done.status()).isEqualTo(204);
		assertThat(done.header("HX-Trigger")).contains("\"keys-changed\"")
			.contains("\"message\":\"Key 'CI pipeline' deactivated\"")
			.contains("\"focus\":\"[data-testid='reactivate']\"");
		assertThat(this.admin.get(PATH + "/" + id).body()).contains("hx-trigger=\"keys-changed from:body\"");
	}

	@Test
	void withoutJavaScriptTheSameMessageIsTheNotice() {
		String id = create("CI pipeline", null).key().publicId();

		Response deactivated = this.admin.post(PATH + "/" + id + "/deactivate", Map.of());
		assertThat(deactivated.location()).endsWith(PATH + "/" + id);
		assertThat(deactivated.header("HX-Trigger")).isNull();
		assertThat(this.admin.get(PATH + "/" + id).body()).contains("Key &#39;CI pipeline&#39; deactivated");

		this.admin.post(PATH + "/" + id + "/rename", Map.of("name", "Nightly export"));
		assertThat(this.admin.get(PATH + "/" + id).body())
			.contains("Key &#39;CI pipeline&#39; renamed to &#39;Nightly export&#39;");

		this.admin.get(PATH);
		this.admin.post(PATH + "/" + id + "/delete", Map.of());
		assertThat(this.admin.get(PATH).body()).contains("Key &#39;Nightly export&#39; deleted");
	}

	@Test
	void renamingFromTheListReplacesTheRowTheDialogCameFrom() {
		String id = create("Old name", null).key().publicId();

		Response renamed = this.admin.postWithHeaders(PATH + "/" + id + "/rename", Map.of("name", "New name"),
				htmxFrom(PATH));

		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.header("HX-Retarget")).isEqualTo("#key-" + id);
		assertThat(renamed.header("HX-Reswap")).isEqualTo("outerHTML");
		assertThat(renamed.body()).contains(">New name<");
		assertThat(renamed.header("HX-Trigger")).contains("\"message\":\"Key 'Old name' renamed to 'New name'\"")
			.contains("\"closeDialog\":true");
	}

	@Test
	void changingTheExpirationFromTheDetailViewSaysWhenItNowEnds() {
		String id = create("Nightly", null).key().publicId();

		Response changed = this.admin.postWithHeaders(PATH + "/" + id + "/expiration", Map.of("expiration", "never"),
				htmxFrom(PATH + "/" + id));

		assertThat(changed.status()).isEqualTo(204);
		assertThat(changed.header("HX-Trigger")).contains("keys-changed")
			.contains("\"message\":\"Key 'Nightly' now never expires\"")
			.contains("\"focus\":\"#content h1\"");
	}

	@Test
	void deletingFromTheListReloadsItAndNamesTheDeletedRowForFocus() {
		String id = create("Short-lived", null).key().publicId();

		Response deleted = this.admin.postWithHeaders(PATH + "/" + id + "/delete", Map.of(), htmxFrom(PATH));

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deleted.header("HX-Trigger")).contains("keys-changed")
			.contains("\"message\":\"Key 'Short-lived' deleted\"")
			.contains("\"removed\":\"" + id + "\"");
		assertThat(this.admin.get(PATH).body()).doesNotContain("data-key-id=\"" + id + "\"");
	}

	@Test
	void deletingFromTheDetailViewGoesBackToTheListWithTheNotice() {
		String id = create("Short-lived", null).key().publicId();

		Response deleted = this.admin.postWithHeaders(PATH + "/" + id + "/delete", Map.of(), htmxFrom(PATH + "/" + id));

		assertThat(deleted.header("HX-Redirect")).isEqualTo(PATH);
		assertThat(this.admin.get(PATH).body()).contains("Key &#39;Short-lived&#39; deleted");
	}

	@Test
	void theTokenDialogIsTitledSaveYourApiKeyAndOffersACurlLineWithTheToken() {
		Response created = this.admin.postWithHeaders(PATH, Map.of("name", "CI pipeline", "expiration", "never"),
				htmxFrom(PATH));

		assertThat(created.status()).isEqualTo(200);
		assertThat(created.header("Cache-Control")).contains("no-store");
		assertThat(created.header("HX-Retarget")).isEqualTo("#create-key-dialog");
		assertThat(created.header("HX-Trigger")).contains("keys-changed")
			.contains("\"message\":\"Key 'CI pipeline' created\"");
		Matcher token = TOKEN.matcher(created.body());
		assertThat(token.find()).isTrue();
		assertThat(created.body()).contains("<h2 id=\"token-dialog-title\" data-testid=\"token-dialog-title\">Save your API key</h2>")
			.contains("curl -H &#39;x-api-key: " + token.group() + "&#39; http://127.0.0.1:" + this.port
					+ "/api/hello_world/authenticated")
			.contains("will not be shown again");
		assertThat(created.header("HX-Trigger")).doesNotContain(token.group());
	}

	@Test
	void theMenuOffersOnlyWhatTheMemberMayDo() {
		String id = create("Admin's", null).key().publicId();

		String adminRow = row(this.admin.get(PATH).body(), id);
		assertThat(adminRow).contains("aria-haspopup=\"menu\"", "data-testid=\"view\"", "data-testid=\"rename\"",
				"data-testid=\"change-expiration-button\"", "data-testid=\"roll\"", "data-testid=\"deactivate\"",
				"data-testid=\"delete\"");

		User viewer = this.accounts.member(this.tenant, unique("viewer"), "Vic Viewer", "password-1", Role.VIEWER);
		String viewerRow = row(signedIn(viewer).get(PATH).body(), id);
		assertThat(viewerRow).contains("data-testid=\"view\"")
			.doesNotContain("data-testid=\"rename\"", "data-testid=\"roll\"", "data-testid=\"deactivate\"",
					"data-testid=\"delete\"");
		assertThat(signedIn(viewer).get(PATH + "/" + id).body()).doesNotContain("data-testid=\"key-actions\"");
	}

	@Test
	void anExpiredKeyOffersRollAndChangeExpirationRatherThanDeactivate() {
		String id = create("Nightly", this.clock.instant().plus(Duration.ofMinutes(1))).key().publicId();
		this.clock.advance(Duration.ofMinutes(2));

		String expiredRow = row(this.admin.get(PATH).body(), id);
		assertThat(expiredRow).contains("data-testid=\"roll\"", "data-testid=\"change-expiration-button\"")
			.doesNotContain("data-testid=\"deactivate\"", "data-testid=\"reactivate\"");
		assertThat(this.admin.get(PATH + "/" + id).body()).contains("data-testid=\"change-expiration-button\"")
			.doesNotContain("data-testid=\"deactivate\"");
	}

	@Test
	void pageTitlesNameThePageAndTheTenant() {
		String id = create("CI pipeline", null).key().publicId();

		assertThat(title(this.admin.get(PATH))).isEqualTo("API Credentials · " + this.tenant.name());
		assertThat(title(this.admin.get(PATH + "/" + id)))
			.isEqualTo("CI pipeline · API Credentials · " + this.tenant.name());
		assertThat(title(this.admin.get("/settings/members"))).isEqualTo("Members · " + this.tenant.name());
		assertThat(title(this.admin.get("/settings/audit-log"))).isEqualTo("Audit log · " + this.tenant.name());
		assertThat(title(new DashboardClient(this.port).get("/login"))).isEqualTo("Sign in · Latchkey");
		assertThat(title(new DashboardClient(this.port).get("/forgot-password"))).isEqualTo("Forgot password · Latchkey");
	}

	private static String title(Response page) {
		Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(page.body());
		assertThat(title.find()).as("a <title> in " + page.body()).isTrue();
		return title.group(1).replace("&#39;", "'").replace("&amp;", "&");
	}

	/** The markup of one key's row. */
	private static String row(String page, String id) {
		int start = page.indexOf("id=\"key-" + id + "\"");
		assertThat(start).as("the row of " + id).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	/** The headers of an htmx request made from this page of the dashboard. */
	private Map<String, String> htmxFrom(String path) {
		return Map.of("HX-Request", "true", "HX-Current-URL", "http://127.0.0.1:" + this.port + path);
	}

	private CreatedApiKey create(String name, Instant expiresAt) {
		return this.keys.create(Actor.user(this.tenant.id(), this.adminUser.id(), "127.0.0.1"),
				new NewApiKey(name, expiresAt, null));
	}

	private DashboardClient signedIn(User user) {
		DashboardClient dashboard = new DashboardClient(this.port);
		dashboard.signIn(user.email(), "password-1");
		dashboard.get(PATH);
		return dashboard;
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID() + "@actions-web.test";
	}

}
