package dev.latchkey.apikey.web;

import java.time.Duration;
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
import dev.latchkey.support.ApiClient;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.DashboardClient.Response;
import dev.latchkey.support.MutableClock;
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

/** Roll key, Rename, Change expiration and Maximum key lifetime in the dashboard. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, TestAccounts.class })
class KeyLifecycleWebTest {

	static final String PATH = "/settings/api-credentials";

	static final Map<String, String> HTMX = Map.of("HX-Request", "true");

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

	ApiClient api;

	/** The clock is the context's, shared with other test classes, whose signed-in sessions it times. */
	@org.junit.jupiter.api.AfterEach
	void realTime() {
		this.clock.set(java.time.Instant.now());
	}

	@BeforeEach
	void signIn() {
		// sessions are timed by the same clock: other tests of this context moved it on
		this.clock.set(java.time.Instant.now());
		this.tenant = this.accounts.tenant("Lifecycle web " + UUID.randomUUID(), false);
		this.adminUser = this.accounts.admin(this.tenant, unique("admin"), "Ada Admin", "password-1");
		this.admin = signedIn(this.adminUser);
		this.api = new ApiClient(this.port);
	}

	@Test
	void rollWithOneHourShowsTheNewTokenOnceAndBothTokensWorkUntilThen() {
		CreatedApiKey old = create("CI pipeline", null);
		String id = old.key().publicId();
		assertThat(this.admin.get(PATH).body()).contains("data-testid=\"roll\"").contains("Roll key");

		Response dialog = this.admin.get(PATH + "/" + id + "/roll", HTMX);
		assertThat(dialog.status()).isEqualTo(200);
		assertThat(dialog.body()).contains("Now", "In 1 hour", "In 24 hours", "In 7 days");

		Response rolled = this.admin.postWithHeaders(PATH + "/" + id + "/roll", Map.of("expireOld", "1h"), HTMX);

		assertThat(rolled.status()).isEqualTo(200);
		assertThat(rolled.header("Cache-Control")).isEqualTo("no-store");
		assertThat(rolled.body()).contains("data-testid=\"new-token\"").contains("Rolled the");
		Matcher token = TOKEN.matcher(rolled.body());
		assertThat(token.find()).isTrue();
		String newToken = token.group();
		assertThat(newToken).isNotEqualTo(old.token());
		assertThat(this.api.get("/api/hello_world/authenticated", old.token()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/hello_world/authenticated", newToken).status()).isEqualTo(200);

		// the list shows the old key's expiration as a relative time (the detail view still says "Expires in 1 hour")
		assertThat(this.admin.get(PATH).body()).contains(">in 1 hour</time>").doesNotContain(newToken);
		String oldDetail = this.admin.get(PATH + "/" + id).body();
		String newId = this.keys.find(this.tenant.id(), id).rolledTo().publicId();
		assertThat(oldDetail).contains("Rolled to " + newToken.substring(0, 8) + "…")
			.contains(PATH + "/" + newId)
			.contains("Rolled to key_")
			.doesNotContain("data-testid=\"roll\"");
		assertThat(this.admin.get(PATH + "/" + newId).body()).contains("Rolled from " + old.key().tokenPrefix() + "…")
			.contains(PATH + "/" + id);

		this.clock.advance(Duration.ofMinutes(61));
		assertThat(this.api.get("/api/hello_world/authenticated", old.token()).status()).isEqualTo(401);
		assertThat(this.api.get("/api/hello_world/authenticated", newToken).status()).isEqualTo(200);
	}

	@Test
	void aGraceThatIsNotOfferedComesBackNextToTheChoices() {
		CreatedApiKey old = create("Worker", null);
		this.admin.get(PATH);

		Response refused = this.admin.postWithHeaders(PATH + "/" + old.key().publicId() + "/roll",
				Map.of("expireOld", "10y"), HTMX);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("data-testid=\"error-expireOld\"");
		assertThat(this.keys.find(this.tenant.id(), old.key().publicId()).rolledTo()).isNull();
	}

	@Test
	void renameFollowsTheNameRules() {
		CreatedApiKey key = create("Old name", null);
		String id = key.key().publicId();
		assertThat(this.admin.get(PATH + "/" + id + "/rename", HTMX).body()).contains("value=\"Old name\"");

		Response tooLong = this.admin.postWithHeaders(PATH + "/" + id + "/rename", Map.of("name", "n".repeat(129)), HTMX);
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.body()).contains("data-testid=\"error-name\"").contains("at most 128 characters");

		Response renamed = this.admin.post(PATH + "/" + id + "/rename", Map.of("name", "New name"));
		assertThat(renamed.location()).endsWith(PATH + "/" + id);
		String detail = this.admin.get(PATH + "/" + id).body();
		assertThat(detail).contains("Key &#39;Old name&#39; renamed to &#39;New name&#39;").contains(">Renamed<");
	}

	@Test
	void anExpiredKeyIsGivenANewExpirationAndWorksAgain() {
		// a minute, not days: the signed-in session is timed by the same clock
		CreatedApiKey key = create("Nightly", this.clock.instant().plus(Duration.ofMinutes(1)));
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.api.get("/api/hello_world/authenticated", key.token()).status()).isEqualTo(401);
		String id = key.key().publicId();
		assertThat(this.admin.get(PATH + "/" + id + "/expiration", HTMX).body()).contains("Change expiration")
			.contains("and the key works again");

		Response changed = this.admin.post(PATH + "/" + id + "/expiration", Map.of("expiration", "30d"));

		assertThat(changed.location()).endsWith(PATH + "/" + id);
		assertThat(this.api.get("/api/hello_world/authenticated", key.token()).status()).isEqualTo(200);
		assertThat(this.admin.get(PATH + "/" + id).body()).contains("Expiration changed");
		Response past = this.admin.postWithHeaders(PATH + "/" + id + "/expiration",
				Map.of("expiration", "custom", "customDate", "2001-01-01"), HTMX);
		assertThat(past.status()).isEqualTo(422);
		assertThat(past.body()).contains("data-testid=\"error-customDate\"");
	}

	@Test
	void viewersAndOtherDevelopersGetNoDialogAndNoChange() {
		CreatedApiKey key = create("Admin's", null);
		String id = key.key().publicId();
		for (Role role : new Role[] { Role.VIEWER, Role.DEVELOPER }) {
			User member = this.accounts.member(this.tenant, unique(role.label()), role.label(), "password-1", role);
			DashboardClient dashboard = signedIn(member);
			assertThat(dashboard.get(PATH).body()).doesNotContain("data-testid=\"roll\"");
			assertThat(dashboard.get(PATH + "/" + id + "/roll", HTMX).status()).isEqualTo(403);
			assertThat(dashboard.post(PATH + "/" + id + "/roll", Map.of("expireOld", "now")).status()).isEqualTo(403);
			assertThat(dashboard.post(PATH + "/" + id + "/rename", Map.of("name", "Mine")).status()).isEqualTo(403);
			assertThat(dashboard.post(PATH + "/" + id + "/expiration", Map.of("expiration", "7d")).status())
				.isEqualTo(403);
		}
		assertThat(this.keys.find(this.tenant.id(), id).name()).isEqualTo("Admin's");
		assertThat(this.keys.find(this.tenant.id(), id).rolledTo()).isNull();
	}

	@Test
	void anAdminSetsAMaximumLifetimeThatCreateAndChangeExpirationObey() {
		Response page = this.admin.get("/settings/security/key-lifetime");
		assertThat(page.body()).contains("Maximum key lifetime", "None", "30 days", "90 days", "180 days", "365 days");

		Response saved = this.admin.post("/settings/security/key-lifetime", Map.of("maxKeyLifetimeDays", "90"));
		assertThat(saved.location()).endsWith("/settings/security");
		Response security = this.admin.get("/settings/security");
		assertThat(security.body()).contains("at most 90 days").contains("Maximum key lifetime")
			.contains("Default rate limit");

		this.admin.get(PATH);
		Response never = this.admin.postWithHeaders(PATH, Map.of("name", "Forever", "expiration", "never", "access",
				"full"), HTMX);
		assertThat(never.status()).isEqualTo(422);
		assertThat(never.body()).contains("data-testid=\"error-expiration\"").contains("90 days");

		CreatedApiKey key = create("Short", this.clock.instant().plus(Duration.ofDays(7)));
		Response year = this.admin.postWithHeaders(PATH + "/" + key.key().publicId() + "/expiration",
				Map.of("expiration", "1y"), HTMX);
		assertThat(year.status()).isEqualTo(422);
		assertThat(year.body()).contains("90 days");
		assertThat(this.admin.post("/settings/security/key-lifetime", Map.of("maxKeyLifetimeDays", "45")).status())
			.isEqualTo(422);

		User developer = this.accounts.member(this.tenant, unique("dev"), "Dev", "password-1", Role.DEVELOPER);
		DashboardClient dashboard = signedIn(developer);
		assertThat(dashboard.get("/settings/security/key-lifetime").status()).isEqualTo(403);
		assertThat(dashboard.post("/settings/security/key-lifetime", Map.of("maxKeyLifetimeDays", "")).status())
			.isEqualTo(403);
	}

	private CreatedApiKey create(String name, java.time.Instant expiresAt) {
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
		return name.toLowerCase() + "-" + UUID.randomUUID() + "@lifecycle-web.test";
	}

}
