package dev.latchkey.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings → Audit log, its CSV export and GET /api/credentials/audit-events, over HTTP as a user meets them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, TestAccounts.class })
class AuditLogWebTest {

	static final String PATH = "/settings/audit-log";

	static final String API = "/api/credentials/audit-events";

	private static final Pattern EVENT_ID = Pattern.compile("data-event-id=\"(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ApiKeyService keys;

	@Autowired
	MutableClock clock;

	Tenant tenant;

	User ada;

	DashboardClient admin;

	@BeforeEach
	void signIn() {
		this.tenant = this.accounts.tenant("Audited " + System.nanoTime(), false);
		this.ada = this.accounts.admin(this.tenant, "ada-" + System.nanoTime() + "@audit.test", "Ada Admin", "password-1");
		this.admin = new DashboardClient(this.port);
		this.admin.signIn(this.ada.email(), "password-1");
	}

	@Test
	void theLogShowsSignInsKeyChangesAndSignOutsNewestFirstWithTheEmailAsTypedForAFailedSignIn() {
		new DashboardClient(this.port).signIn(this.ada.email().toUpperCase(), "wrong password");
		CreatedApiKey key = create("CI pipeline");
		this.keys.deactivate(person(), key.key().publicId());
		User viewer = this.accounts.member(this.tenant, "vic-" + System.nanoTime() + "@audit.test", "Vic Viewer",
				"password-1", Role.VIEWER);
		DashboardClient vic = new DashboardClient(this.port);
		vic.signIn(viewer.email(), "password-1");
		vic.get("/settings/api-credentials");
		assertThat(vic.post("/logout", Map.of()).location()).endsWith("/login?logout");

		Response page = this.admin.get(PATH);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>Audit log</h1>", ">Time<", ">Actor<", ">Action<", ">Target<",
				">IP address<", "data-testid=\"nav-audit-log\"");
		assertThat(page.body()).contains(this.ada.email().toUpperCase(), "sign_in_failed", "sign_in_succeeded",
				"signed_out", "Vic Viewer (" + viewer.email() + ")", "deactivated", "created");
		assertThat(page.body()).contains("href=\"/settings/api-credentials/" + key.key().publicId() + "\"")
			.contains("CI pipeline (" + key.key().tokenPrefix() + "…)");
		List<Long> ids = ids(page);
		assertThat(ids).hasSizeGreaterThanOrEqualTo(6).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(table(page).indexOf(">signed_out<")).isLessThan(table(page).indexOf(">sign_in_failed<"));
	}

	@Test
	void everyActiveMemberMayReadIt() {
		User viewer = this.accounts.member(this.tenant, "val-" + System.nanoTime() + "@audit.test", "Val", "password-1",
				Role.VIEWER);
		DashboardClient val = new DashboardClient(this.port);
		val.signIn(viewer.email(), "password-1");

		Response page = val.get(PATH);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(this.ada.email());
	}

	@Test
	void filtersByActionActorAndDateRange() {
		new DashboardClient(this.port).signIn(this.ada.email(), "wrong password");
		CreatedApiKey robot = create("Robot");
		CreatedApiKey victim = create("Victim");
		new ApiClient(this.port).delete("/api/credentials/keys/" + victim.key().publicId(), robot.token());

		Response failed = this.admin.get(PATH + "?action=sign_in_failed");
		assertThat(ids(failed)).hasSize(1);
		assertThat(table(failed)).contains(">sign_in_failed<").doesNotContain("sign_in_succeeded");

		Response byKey = this.admin.get(PATH + "?actor=" + robot.key().tokenPrefix());
		assertThat(ids(byKey)).hasSize(1);
		assertThat(byKey.body()).contains(robot.key().tokenPrefix() + "…", "Victim (", ">deleted<");

		Response byPerson = this.admin.get(PATH + "?actor=" + this.ada.email());
		assertThat(table(byPerson)).contains(">sign_in_failed<", ">sign_in_succeeded<", "Robot (", "Victim (")
			.doesNotContain(">deleted<");

		java.time.LocalDate today = java.time.LocalDate.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC);
		String farAhead = today.plusYears(1).toString();
		assertThat(ids(this.admin.get(PATH + "?from=" + farAhead))).isEmpty();
		assertThat(this.admin.get(PATH + "?from=" + farAhead).body()).contains("No events match.");
		assertThat(ids(this.admin.get(PATH + "?to=" + farAhead + "&action=created"))).hasSize(2);
		assertThat(ids(this.admin.get(PATH + "?from=" + today + "&to=" + today + "&action=created"))).hasSize(2);
		assertThat(ids(this.admin.get(PATH + "?to=" + today.minusDays(1)))).isEmpty();
	}

	@Test
	void aBadDateIsAFormErrorNextToItsField() {
		Response page = this.admin.get(PATH + "?from=2030-02-30");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("data-testid=\"error-from\"", "From must be a date such as 2030-01-31")
			.contains("value=\"2030-02-30\"");
		assertThat(ids(page)).isEmpty();

		Response actor = this.admin.get(PATH + "?actor=nobody");
		assertThat(actor.status()).isEqualTo(400);
		assertThat(actor.body()).contains("data-testid=\"error-actor\"");
	}

	@Test
	void pagingByTheOlderLinkShowsEveryEventOnce() {
		for (int i = 0; i < 55; i++) {
			create("Key " + i);
		}
		Response first = this.admin.get(PATH + "?action=created");
		assertThat(ids(first)).hasSize(AuditLogController.PAGE_SIZE);
		Matcher older = Pattern.compile("data-testid=\"older-page\" rel=\"next\"\\s+href=\"([^\"]+)\"").matcher(first.body());
		assertThat(older.find()).isTrue();

		Response second = this.admin.get(older.group(1).replace("&amp;", "&"));

		assertThat(ids(second)).hasSize(5).doesNotContainAnyElementsOf(ids(first));
		assertThat(second.body()).doesNotContain("data-testid=\"older-page\"").contains("data-testid=\"newest-page\"");
	}

	@Test
	void neverShowsAnotherTenantsEvents() {
		Tenant other = this.accounts.tenant("Other " + System.nanoTime(), false);
		User eve = this.accounts.admin(other, "eve-" + System.nanoTime() + "@other.test", "Eve", "password-1");
		new DashboardClient(this.port).signIn(eve.email(), "password-1");
		new DashboardClient(this.port).signIn(eve.email(), "wrong password");
		CreatedApiKey eves = this.keys.create(Actor.user(other.id(), eve.id(), "203.0.113.5"),
				new NewApiKey("Eve secret", null, null));
		String token = create("Reader").token();

		assertThat(this.admin.get(PATH).body()).doesNotContain(eve.email()).doesNotContain("Eve secret");
		assertThat(this.admin.get(PATH + "?actor=" + eve.email()).body()).contains("No events match.");
		assertThat(this.admin.get(PATH + "?actor=" + eves.key().tokenPrefix()).body()).contains("No events match.");
		assertThat(this.admin.get(PATH + "/export").body()).doesNotContain(eve.email()).doesNotContain("Eve secret");
		assertThat(new ApiClient(this.port).get(API + "?limit=200", token).body()).doesNotContain(eve.email())
			.doesNotContain("Eve secret");
	}

	@Test
	void theCsvExportIsAnAttachmentOfTheFilteredEventsWithFormulaCellsNeutralised() {
		CreatedApiKey evil = create("=HYPERLINK(\"http://evil.test\")");
		create("-1+1");

		Response csv = this.admin.get(PATH + "/export?action=created");

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.header("Content-Disposition")).startsWith("attachment").contains("filename=\"audit-log-")
			.endsWith(".csv\"");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).isEqualTo("Time,Actor,Action,Target,IP address");
		assertThat(lines[1]).contains(",created,'-1+1 (").startsWith("20");
		assertThat(lines[2]).contains("Ada Admin (" + this.ada.email() + "),created,")
			.contains("\"'=HYPERLINK(\"\"http://evil.test\"\") (" + evil.key().tokenPrefix() + "…)\"");
		assertThat(this.admin.get(PATH).body()).contains("href=\"/settings/audit-log/export?action=&amp;actor=");
	}

	@Test
	void theApiPagesByCursorWithTheSameFields() {
		for (int i = 0; i < 4; i++) {
			create("Key " + i);
		}
		String token = create("Reader").token();
		ApiClient api = new ApiClient(this.port);
		JsonNode all = api.get(API + "?limit=200", token).json();
		assertThat(all.get("next_cursor").isNull()).isTrue();
		List<Long> expected = new ArrayList<>();
		all.get("events").forEach((event) -> expected.add(event.get("id").asLong()));

		List<Long> walked = new ArrayList<>();
		String cursor = "";
		do {
			ApiClient.Response page = api.get(API + "?limit=2" + (cursor.isEmpty() ? "" : "&cursor=" + cursor), token);
			assertThat(page.status()).isEqualTo(200);
			JsonNode body = page.json();
			assertThat(body.get("events").size()).isLessThanOrEqualTo(2);
			body.get("events").forEach((event) -> walked.add(event.get("id").asLong()));
			cursor = body.get("next_cursor").isNull() ? "" : body.get("next_cursor").asString();
		}
		while (!cursor.isEmpty());

		assertThat(walked).isEqualTo(expected).hasSizeGreaterThanOrEqualTo(6);
		JsonNode newest = all.get("events").get(0);
		assertThat(newest.get("action").asString()).isEqualTo("created");
		assertThat(newest.get("actor").asString()).isEqualTo("Ada Admin (" + this.ada.email() + ")");
		assertThat(newest.get("target").asString()).startsWith("Reader (key_");
		assertThat(newest.get("ip").asString()).isEqualTo("198.51.100.20");
		assertThat(newest.get("occurred_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
	}

	@Test
	void theApiNamesABadCursorOrFilterAndNeedsKeysRead() {
		String token = create("Reader").token();
		ApiClient api = new ApiClient(this.port);

		ApiClient.Response badCursor = api.get(API + "?cursor=not-a-cursor", token);
		assertThat(badCursor.status()).isEqualTo(400);
		assertThat(badCursor.json().get("field").asString()).isEqualTo("cursor");
		assertThat(api.get(API + "?from=31-12-2030", token).json().get("field").asString()).isEqualTo("from");
		assertThat(api.get(API + "?actor=robert", token).json().get("field").asString()).isEqualTo("actor");
		assertThat(api.get(API + "?limit=0", token).json().get("field").asString()).isEqualTo("limit");

		String verifier = this.keys.create(person(), new NewApiKey("Verifier", null, null, List.of("keys:verify")))
			.token();
		ApiClient.Response refused = api.get(API, verifier);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("keys:read");
		assertThat(api.get(API, null).status()).isEqualTo(401);
	}

	@Test
	void aDeletedKeysDetailUrlShowsItsHistoryInsteadOfNotFound() {
		CreatedApiKey key = create("Old deploy key");
		this.keys.deactivate(person(), key.key().publicId());
		this.keys.delete(person(), key.key().publicId());

		Response detail = this.admin.get("/settings/api-credentials/" + key.key().publicId());

		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.body()).contains("Old deploy key", key.key().tokenPrefix() + "…", "data-testid=\"detail-deleted\"")
			.contains("Deleted <time");
		assertThat(detail.body()).contains(">Created<", ">Deactivated<", ">Deleted<");
		assertThat(detail.body()).doesNotContain("data-testid=\"deactivate\"", "data-testid=\"scopes-form\"");
		assertThat(this.admin.post("/settings/api-credentials/" + key.key().publicId() + "/reactivate", Map.of()).status())
			.isEqualTo(404);
		assertThat(this.admin.get(PATH).body()).contains("href=\"/settings/api-credentials/" + key.key().publicId() + "\"");
		assertThat(this.admin.get("/settings/api-credentials/no-such-key").status()).isEqualTo(404);
	}

	private CreatedApiKey create(String name) {
		return this.keys.create(person(), new NewApiKey(name, null, null));
	}

	private Actor person() {
		return Actor.user(this.tenant.id(), this.ada.id(), "198.51.100.20");
	}

	/** The table only: the action filter's options name every action. */
	private static String table(Response page) {
		return page.body().substring(page.body().indexOf("data-testid=\"audit-table\""));
	}

	private static List<Long> ids(Response page) {
		List<Long> ids = new ArrayList<>();
		Matcher matcher = EVENT_ID.matcher(page.body());
		while (matcher.find()) {
			ids.add(Long.valueOf(matcher.group(1)));
		}
		return ids;
	}

}
