package dev.latchkey.apikey.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings → API Credentials' list: status and environment filters, sorts, bad parameters, pages past the end and
 * a pasted token, over real HTTP with a real session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, TestAccounts.class })
class KeyListWebTest {

	static final String PATH = "/settings/api-credentials";

	static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	private static final Pattern NAME = Pattern.compile("data-testid=\"key-name\">([^<]*)</a>");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	Tenant tenant;

	User adminUser;

	DashboardClient admin;

	@BeforeEach
	void signIn() {
		this.clock.set(Instant.now());
		this.tenant = this.accounts.tenant("List " + UUID.randomUUID(), false);
		this.adminUser = this.accounts.admin(this.tenant, unique(), "Ada Admin", "password-1");
		this.admin = signedIn(this.adminUser);
	}

	@AfterEach
	void realTime() {
		this.clock.set(Instant.now());
	}

	@Test
	void eachStatusFilterShowsTheKeysOfThatStatusAndAnExpiredKeySaysExpiredOnce() {
		fourKeys();

		assertThat(names("?status=active")).containsExactly("Alpha");
		assertThat(names("?status=inactive")).containsExactly("Bravo");
		// an expired key is Expired, also when it was deactivated before: the status the table shows
		assertThat(names("?status=expired")).containsExactly("Delta", "Charlie");
		assertThat(names("")).containsExactly("Delta", "Charlie", "Bravo", "Alpha");
		assertThat(names("?status=all")).containsExactly("Delta", "Charlie", "Bravo", "Alpha");

		String expired = this.admin.get(PATH + "?status=expired", HTMX).body();
		assertThat(occurrences(expired, "data-testid=\"key-status\">Expired<")).isEqualTo(2);
		assertThat(occurrences(expired, ">Expired<")).isEqualTo(2);
		assertThat(expired).contains("1 day ago").contains("2 days ago");
	}

	@Test
	void everySortableColumnSortsBothWaysWithTheNeversAtTheSensibleEnd() {
		fourKeys();

		assertThat(names("?sort=name")).containsExactly("Alpha", "Bravo", "Charlie", "Delta");
		assertThat(names("?sort=name&dir=desc")).containsExactly("Delta", "Charlie", "Bravo", "Alpha");
		assertThat(names("?sort=created&dir=asc")).containsExactly("Alpha", "Bravo", "Charlie", "Delta");
		// expiration: soonest first, a key that never expires last (and first the other way round)
		assertThat(names("?sort=expiration")).containsExactly("Delta", "Charlie", "Bravo", "Alpha");
		assertThat(names("?sort=expiration&dir=desc")).containsExactly("Alpha", "Bravo", "Charlie", "Delta");
		// last used: most recent first, never used last
		assertThat(names("?sort=last-used")).containsExactly("Charlie", "Alpha", "Delta", "Bravo");
		assertThat(names("?sort=last-used&dir=asc")).containsExactly("Bravo", "Delta", "Alpha", "Charlie");

		String byName = this.admin.get(PATH + "?sort=name").body();
		assertThat(byName).containsPattern("aria-sort=\"ascending\"[^>]*>\\s*<a[^>]*href=\"/settings/api-credentials\\?sort=name&amp;dir=desc\"")
			.containsPattern("aria-sort=\"none\"[^>]*>\\s*<a[^>]*href=\"/settings/api-credentials\"[^>]*>Created");
	}

	@Test
	void unknownParametersFallBackToTheDefaults() {
		fourKeys();
		List<String> defaults = names("");

		assertThat(names("?status=bogus&env=mars&sort=random&dir=sideways&page=two")).isEqualTo(defaults);
		assertThat(names("?page=0")).isEqualTo(defaults);
		assertThat(names("?page=-3")).isEqualTo(defaults);
		assertThat(names("?page=99999999999999")).isEqualTo(defaults);
		assertThat(names("?sort=NAME&dir=DESC")).containsExactly("Delta", "Charlie", "Bravo", "Alpha");
		// a tenant without production has no environment filter, and a production one in the URL changes nothing
		assertThat(this.admin.get(PATH).body()).doesNotContain("filter-environment");
		assertThat(names("?env=production")).isEqualTo(defaults);
	}

	@Test
	void theEnvironmentFilterIsOfferedToATenantWithProduction() {
		Tenant production = this.accounts.tenant("Prod " + UUID.randomUUID(), true);
		User user = this.accounts.admin(production, unique(), "Pat Prod", "password-1");
		DashboardClient dashboard = signedIn(user);
		Actor actor = Actor.user(production.id(), user.id(), "127.0.0.1");
		this.keys.create(actor, new NewApiKey("Live worker", null, "production"));
		this.keys.create(actor, new NewApiKey("Dev worker", null, "development"));

		assertThat(dashboard.get(PATH).body()).contains("data-testid=\"filter-environment\"");
		assertThat(names(dashboard, "?env=production")).containsExactly("Live worker");
		assertThat(names(dashboard, "?env=development")).containsExactly("Dev worker");
		assertThat(names(dashboard, "")).containsExactly("Dev worker", "Live worker");
	}

	@Test
	void aPagePastTheEndShowsTheLastPage() {
		for (int i = 1; i <= 27; i++) {
			create(String.format("Service %02d", i), null);
		}

		Response past = this.admin.get(PATH + "?page=9", HTMX);
		assertThat(past.status()).isEqualTo(200);
		assertThat(past.body()).contains("Showing 26–27 of 27 keys").contains("Service 01").contains("Service 02");
		// the browser's address shows the page it sees
		assertThat(past.header("HX-Push-Url")).isEqualTo(PATH + "?page=2");

		Response full = this.admin.get(PATH + "?page=24976");
		assertThat(full.body()).contains("Showing 26–27 of 27 keys").doesNotContain("24,976");
	}

	@Test
	void theUrlPushedIsTheListsOwnWithDefaultsLeftOutAndNothingWhenItDidNotChange() {
		fourKeys();

		Response filtered = this.admin.get(PATH + "?q=&status=expired&env=all&sort=created&dir=desc", HTMX);
		assertThat(filtered.header("HX-Push-Url")).isEqualTo(PATH + "?status=expired");

		Map<String, String> fromThere = Map.of("HX-Request", "true", "HX-Current-URL",
				"http://localhost:" + this.port + PATH + "?status=expired");
		Response same = this.admin.get(PATH + "?status=expired&sort=created", fromThere);
		assertThat(same.header("HX-Push-Url")).isEqualTo("false");
	}

	@Test
	void searchFindsNamesByTheirStartAndKeysByTheirPrefix() {
		CreatedApiKey billing = create("Billing worker", null);
		create("Nightly billing export", null);

		assertThat(names("?q=BILL")).containsExactly("Billing worker");
		String prefix = billing.token().substring(0, 8);
		assertThat(names("?q=" + prefix)).contains("Billing worker");
		// as the table shows it, with the ellipsis, and with more of the token than the prefix
		assertThat(names("?q=" + prefix + "%E2%80%A6")).contains("Billing worker");
		assertThat(names("?q=" + billing.token().substring(0, 20))).contains("Billing worker");
		assertThat(names("?q=50%25")).isEmpty();
	}

	@Test
	void aPastedTokenFindsItsKeyByHashAndIsNeverShownBack() {
		CreatedApiKey wanted = create("Payments", null);
		create("Payments backup", null);
		String token = wanted.token();
		String prefix = token.substring(0, 8);

		Response found = this.admin.get(PATH + "?q=" + token, HTMX);

		assertThat(found.status()).isEqualTo(200);
		assertThat(found.body()).contains(">Payments</a>").doesNotContain("Payments backup");
		assertThat(found.body()).doesNotContain(token).doesNotContain(token.substring(8));
		assertThat(found.header("HX-Push-Url")).isEqualTo(PATH + "?q=" + prefix);

		// a whole page with the token in its URL goes to the URL without it
		Response page = this.admin.get(PATH + "?status=active&q=" + token);
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).endsWith(PATH + "?q=" + prefix + "&status=active").doesNotContain(token);
	}

	@Test
	void anotherTenantsTokenFindsNothing() {
		create("Ours", null);
		Tenant other = this.accounts.tenant("Other " + UUID.randomUUID(), false);
		User otherUser = this.accounts.admin(other, unique(), "Olly", "password-1");
		CreatedApiKey theirs = this.keys.create(Actor.user(other.id(), otherUser.id(), "127.0.0.1"),
				new NewApiKey("Theirs", null, null));

		Response response = this.admin.get(PATH + "?q=" + theirs.token(), HTMX);

		assertThat(response.body()).contains("No key of this tenant has that token")
			.doesNotContain("Theirs")
			.doesNotContain("Ours")
			.doesNotContain(theirs.token());
		assertThat(response.header("HX-Push-Url")).isEqualTo(PATH);
	}

	/**
	 * Alpha: active, never expires, used an hour ago. Bravo: deactivated, expires in 30 days, never used. Charlie:
	 * expired a day ago, used a minute ago. Delta: deactivated and expired two days ago, never used... but once, a
	 * week ago. Created in that order, a minute apart.
	 */
	private void fourKeys() {
		Instant now = this.clock.instant();
		CreatedApiKey alpha = create("Alpha", null);
		this.clock.advance(Duration.ofMinutes(1));
		CreatedApiKey bravo = create("Bravo", now.plus(Duration.ofDays(30)));
		this.clock.advance(Duration.ofMinutes(1));
		CreatedApiKey charlie = create("Charlie", now.plus(Duration.ofDays(1)));
		this.clock.advance(Duration.ofMinutes(1));
		CreatedApiKey delta = create("Delta", now.plus(Duration.ofDays(1)));
		this.clock.set(now.plus(Duration.ofMinutes(5)));
		Actor actor = actor();
		this.keys.deactivate(actor, bravo.key().publicId());
		this.keys.deactivate(actor, delta.key().publicId());
		set(charlie, "expires_at", now.minus(Duration.ofDays(1)));
		set(delta, "expires_at", now.minus(Duration.ofDays(2)));
		set(alpha, "last_used_at", now.minus(Duration.ofHours(1)));
		set(charlie, "last_used_at", now.minus(Duration.ofMinutes(1)));
		set(delta, "last_used_at", now.minus(Duration.ofDays(7)));
	}

	private void set(CreatedApiKey key, String column, Instant value) {
		this.jdbc.update("update api_keys set " + column + " = ? where public_id = ?", Timestamp.from(value),
				key.key().publicId());
	}

	private List<String> names(String query) {
		return names(this.admin, query);
	}

	private static List<String> names(DashboardClient dashboard, String query) {
		Response response = dashboard.get(PATH + query, HTMX);
		assertThat(response.status()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		Matcher matcher = NAME.matcher(response.body());
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static int occurrences(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	private CreatedApiKey create(String name, Instant expiresAt) {
		return this.keys.create(actor(), new NewApiKey(name, expiresAt, null));
	}

	private Actor actor() {
		return Actor.user(this.tenant.id(), this.adminUser.id(), "127.0.0.1");
	}

	private DashboardClient signedIn(User user) {
		DashboardClient dashboard = new DashboardClient(this.port);
		assertThat(dashboard.signIn(user.email(), "password-1").location()).endsWith(PATH);
		dashboard.get(PATH);
		return dashboard;
	}

	private static String unique() {
		return "admin-" + UUID.randomUUID() + "@list-web.test";
	}

}
