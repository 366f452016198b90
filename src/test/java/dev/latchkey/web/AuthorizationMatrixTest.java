package dev.latchkey.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.member.MemberService;
import dev.latchkey.member.NewMember;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.DashboardClient.Response;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dashboard and operator route, called as each kind of visitor, against the one matrix below (issue 9). The
 * README shows the same matrix (this test fails if it differs). A route the application serves without a row here
 * fails the test, and so does a row for a route that no longer exists.
 *
 * <p>
 * Outcomes: a status code; {@code login} is a redirect to the sign-in page; {@code 302} any other redirect (the
 * action was done). Each request that changes something gets fresh targets (a new key, member or tenant), so
 * the cells do not depend on each other. The disabled member signs in, then is disabled, before each request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, TestAccounts.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

	/** The visitors, in the matrix's column order. */
	static final List<String> VISITORS = List.of("Anonymous", "Viewer", "Developer", "Admin", "Admin of another tenant",
			"Disabled member", "Operator");

	/**
	 * The matrix. Placeholders: {@code {adminKey}} a key the tenant's Admin created, {@code {developerKey}} one the
	 * tenant's Developer created, {@code {member}} a Developer of the tenant, {@code {invited}} an invited member of
	 * the tenant, {@code {tenant}} another tenant (for operators), {@code {unique}} a fresh word.
	 */
	static final List<Row> MATRIX = List.of(
			// Settings → API Credentials
			row("GET", "/settings/api-credentials", "/settings/api-credentials", "login 200 200 200 200 login 200"),
			row("GET", "/settings/api-credentials/new", "/settings/api-credentials/new", "login 403 200 200 200 login 200"),
			row("POST", "/settings/api-credentials", "/settings/api-credentials", "login 403 200 200 200 login 200",
					"name=Key {unique}", "expiration=never"),
			row("GET", "/settings/api-credentials/{id}", "/settings/api-credentials/{adminKey}",
					"login 200 200 200 404 login 404"),
			row("POST", "/settings/api-credentials/{id}/deactivate", "/settings/api-credentials/{adminKey}/deactivate",
					"login 403 403 302 404 login 404"),
			row("POST", "/settings/api-credentials/{id}/deactivate",
					"/settings/api-credentials/{developerKey}/deactivate", "login 403 302 302 404 login 404"),
			row("POST", "/settings/api-credentials/{id}/reactivate", "/settings/api-credentials/{adminKey}/reactivate",
					"login 403 403 302 404 login 404"),
			row("POST", "/settings/api-credentials/{id}/reactivate",
					"/settings/api-credentials/{developerKey}/reactivate", "login 403 302 302 404 login 404"),
			row("GET", "/settings/api-credentials/{id}/delete", "/settings/api-credentials/{adminKey}/delete",
					"login 403 403 200 404 login 404"),
			row("GET", "/settings/api-credentials/{id}/delete", "/settings/api-credentials/{developerKey}/delete",
					"login 403 200 200 404 login 404"),
			row("POST", "/settings/api-credentials/{id}/delete", "/settings/api-credentials/{adminKey}/delete",
					"login 403 403 302 404 login 404"),
			row("POST", "/settings/api-credentials/{id}/delete", "/settings/api-credentials/{developerKey}/delete",
					"login 403 302 302 404 login 404"),
			row("POST", "/settings/api-credentials/{id}/scopes", "/settings/api-credentials/{adminKey}/scopes",
					"login 403 403 302 404 login 404", "scopes=keys:read"),
			row("POST", "/settings/api-credentials/{id}/scopes", "/settings/api-credentials/{developerKey}/scopes",
					"login 403 302 302 404 login 404", "scopes=keys:read"),
			row("POST", "/settings/api-credentials/{id}/allowed-ips", "/settings/api-credentials/{adminKey}/allowed-ips",
					"login 403 403 302 404 login 404", "allowedIps=127.0.0.1"),
			row("POST", "/settings/api-credentials/{id}/allowed-ips",
					"/settings/api-credentials/{developerKey}/allowed-ips", "login 403 302 302 404 login 404",
					"allowedIps=127.0.0.1"),
			row("POST", "/settings/api-credentials/{id}/rate-limit", "/settings/api-credentials/{adminKey}/rate-limit",
					"login 403 403 302 404 login 404", "requests=600", "perSeconds=60"),
			row("POST", "/settings/api-credentials/{id}/rate-limit",
					"/settings/api-credentials/{developerKey}/rate-limit", "login 403 302 302 404 login 404",
					"requests=600", "perSeconds=60"),
			// Settings → Security (admins only)
			row("GET", "/settings/security", "/settings/security", "login 403 403 200 200 login 200"),
			row("POST", "/settings/security", "/settings/security", "login 403 403 302 302 login 302",
					"customScopes=billing:read", "rateLimitRequests=", "rateLimitPerSeconds=", "leakPolicy=deactivate"),
			row("GET", "/settings/api-credentials/{id}/roll", "/settings/api-credentials/{adminKey}/roll",
					"login 403 403 200 404 login 404"),
			row("GET", "/settings/api-credentials/{id}/roll", "/settings/api-credentials/{developerKey}/roll",
					"login 403 200 200 404 login 404"),
			row("POST", "/settings/api-credentials/{id}/roll", "/settings/api-credentials/{adminKey}/roll",
					"login 403 403 200 404 login 404", "expireOld=1h"),
			row("POST", "/settings/api-credentials/{id}/roll", "/settings/api-credentials/{developerKey}/roll",
					"login 403 200 200 404 login 404", "expireOld=1h"),
			row("GET", "/settings/api-credentials/{id}/rename", "/settings/api-credentials/{adminKey}/rename",
					"login 403 403 200 404 login 404"),
			row("GET", "/settings/api-credentials/{id}/rename", "/settings/api-credentials/{developerKey}/rename",
					"login 403 200 200 404 login 404"),
			row("POST", "/settings/api-credentials/{id}/rename", "/settings/api-credentials/{adminKey}/rename",
					"login 403 403 302 404 login 404", "name=Renamed {unique}"),
			row("POST", "/settings/api-credentials/{id}/rename", "/settings/api-credentials/{developerKey}/rename",
					"login 403 302 302 404 login 404", "name=Renamed {unique}"),
			row("GET", "/settings/api-credentials/{id}/expiration", "/settings/api-credentials/{adminKey}/expiration",
					"login 403 403 200 404 login 404"),
			row("GET", "/settings/api-credentials/{id}/expiration", "/settings/api-credentials/{developerKey}/expiration",
					"login 403 200 200 404 login 404"),
			row("POST", "/settings/api-credentials/{id}/expiration", "/settings/api-credentials/{adminKey}/expiration",
					"login 403 403 302 404 login 404", "expiration=30d"),
			row("POST", "/settings/api-credentials/{id}/expiration", "/settings/api-credentials/{developerKey}/expiration",
					"login 403 302 302 404 login 404", "expiration=30d"),
			// Settings → Security, section Maximum key lifetime: admins (an operator is an admin of its own tenant)
			row("GET", "/settings/security/key-lifetime", "/settings/security/key-lifetime",
					"login 403 403 200 200 login 200"),
			row("POST", "/settings/security/key-lifetime", "/settings/security/key-lifetime",
					"login 403 403 302 302 login 302", "maxKeyLifetimeDays="),
			// Settings → Audit log (every member reads its own tenant's)
			row("GET", "/settings/audit-log", "/settings/audit-log", "login 200 200 200 200 login 200"),
			row("GET", "/settings/audit-log/export", "/settings/audit-log/export", "login 200 200 200 200 login 200"),
			// Settings → Members
			row("GET", "/settings/members", "/settings/members", "login 200 200 200 200 login 200"),
			row("GET", "/settings/members/invite", "/settings/members/invite", "login 403 403 200 200 login 200"),
			row("POST", "/settings/members", "/settings/members", "login 403 403 302 302 login 302",
					"email={unique}@matrix.test", "name=New member", "role=VIEWER"),
			row("POST", "/settings/members/{id}/role", "/settings/members/{member}/role",
					"login 403 403 302 404 login 404", "role=VIEWER"),
			row("GET", "/settings/members/{id}/{action:disable|remove}", "/settings/members/{member}/disable",
					"login 403 403 200 404 login 404"),
			row("GET", "/settings/members/{id}/{action:disable|remove}", "/settings/members/{member}/remove",
					"login 403 403 200 404 login 404"),
			row("POST", "/settings/members/{id}/disable", "/settings/members/{member}/disable",
					"login 403 403 302 404 login 404"),
			row("POST", "/settings/members/{id}/enable", "/settings/members/{member}/enable",
					"login 403 403 302 404 login 404"),
			row("POST", "/settings/members/{id}/remove", "/settings/members/{member}/remove",
					"login 403 403 302 404 login 404"),
			row("POST", "/settings/members/{id}/reinvite", "/settings/members/{invited}/reinvite",
					"login 403 403 302 404 login 404"),
			row("POST", "/settings/members/{id}/revoke-invitation", "/settings/members/{invited}/revoke-invitation",
					"login 403 403 302 404 login 404"),
			// Settings → Account: every member, on its own account
			row("GET", "/settings/account", "/settings/account", "login 200 200 200 200 login 200"),
			row("POST", "/settings/account/name", "/settings/account/name", "login 302 302 302 302 login 302",
					"displayName=Renamed {unique}"),
			row("POST", "/settings/account/password", "/settings/account/password", "login 422 422 422 422 login 422",
					"currentPassword=not the password", "newPassword=a new passphrase here", "confirmation=a new passphrase here"),
			row("POST", "/settings/account/sessions/{reference}/sign-out", "/settings/account/sessions/unknown/sign-out",
					"login 302 302 302 302 login 302"),
			row("POST", "/settings/account/sessions/sign-out-others", "/settings/account/sessions/sign-out-others",
					"login 302 302 302 302 login 302"),
			row("GET", "/settings/account/reminders", "/settings/account/reminders", "login 302 302 302 302 login 302"),
			row("POST", "/settings/account/reminders", "/settings/account/reminders", "login 302 302 302 302 login 302",
					"expiryReminders=true"),
			// Operator → Tenants
			row("GET", "/operator/tenants", "/operator/tenants", "login 403 403 403 403 login 200"),
			row("GET", "/operator/tenants/new", "/operator/tenants/new", "login 403 403 403 403 login 200"),
			row("POST", "/operator/tenants", "/operator/tenants", "login 403 403 403 403 login 302",
					"name=Tenant {unique}", "adminEmail={unique}@matrix.test", "adminName=First admin"),
			row("GET", "/operator/tenants/{id}/{action:grant-production|revoke-production|suspend|resume}",
					"/operator/tenants/{tenant}/suspend", "login 403 403 403 403 login 200"),
			row("POST", "/operator/tenants/{id}/{action:grant-production|revoke-production|suspend|resume}",
					"/operator/tenants/{tenant}/grant-production", "login 403 403 403 403 login 302"),
			row("POST", "/operator/tenants/{id}/{action:grant-production|revoke-production|suspend|resume}",
					"/operator/tenants/{tenant}/suspend", "login 403 403 403 403 login 302"),
			// Signed-out pages: the same for everybody
			row("GET", "/login", "/login", "200 200 200 200 200 200 200"),
			row("GET", "/forgot-password", "/forgot-password", "200 200 200 200 200 200 200"),
			row("POST", "/forgot-password", "/forgot-password", "302 302 302 302 302 302 302",
					"email={unique}@matrix.test"),
			row("GET", "/reset-password", "/reset-password?token=unknown", "410 410 410 410 410 410 410"),
			row("POST", "/reset-password", "/reset-password", "410 410 410 410 410 410 410"),
			row("GET", "/accept-invitation", "/accept-invitation?token=unknown", "410 410 410 410 410 410 410"),
			row("POST", "/accept-invitation", "/accept-invitation", "410 410 410 410 410 410 410"));

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ApiKeyService keys;

	@Autowired
	MemberService members;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Tenant tenant;

	User admin;

	User developer;

	User disabled;

	Map<String, DashboardClient> visitors = new LinkedHashMap<>();

	@BeforeAll
	void visitors() {
		this.tenant = this.accounts.tenant("Matrix " + UUID.randomUUID(), true);
		this.admin = this.accounts.admin(this.tenant, unique() + "@admin.test", "Ada", PASSWORD);
		this.developer = this.accounts.member(this.tenant, unique() + "@dev.test", "Dev", PASSWORD, Role.DEVELOPER);
		User viewer = this.accounts.member(this.tenant, unique() + "@viewer.test", "Vi", PASSWORD, Role.VIEWER);
		this.disabled = this.accounts.member(this.tenant, unique() + "@off.test", "Off", PASSWORD, Role.DEVELOPER);
		Tenant other = this.accounts.tenant("Other " + UUID.randomUUID(), true);
		User otherAdmin = this.accounts.admin(other, unique() + "@other.test", "Eve", PASSWORD);
		Tenant vendor = this.accounts.tenant("Vendor " + UUID.randomUUID(), true);
		User operator = this.accounts.operator(vendor, unique() + "@operator.test", "Olga", PASSWORD);

		this.visitors.put("Anonymous", new DashboardClient(this.port));
		this.visitors.put("Viewer", signedIn(viewer));
		this.visitors.put("Developer", signedIn(this.developer));
		this.visitors.put("Admin", signedIn(this.admin));
		this.visitors.put("Admin of another tenant", signedIn(otherAdmin));
		this.visitors.put("Operator", signedIn(operator));
	}

	@Test
	void everyRouteHasARowAndEveryRowARoute() {
		Set<String> served = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			if (!mapping.getValue().getBeanType().getPackageName().startsWith("dev.latchkey")) {
				continue;
			}
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (pattern.startsWith("/api/")) {
					continue; // the x-api-key API: its rules are in the service, tested by KeyRolesTest and the API tests
				}
				var methods = mapping.getKey().getMethodsCondition().getMethods();
				assertThat(methods).as("a route without a method: " + pattern).isNotEmpty();
				methods.forEach((method) -> served.add(method.name() + " " + pattern));
			}
		}
		Set<String> rows = MATRIX.stream().map((row) -> row.method() + " " + row.pattern()).collect(Collectors.toCollection(TreeSet::new));
		assertThat(rows).as("rows in the authorization matrix for every route the application serves")
			.containsAll(served);
		assertThat(served).as("routes for every row of the authorization matrix").containsAll(rows);
	}

	@Test
	void everyVisitorGetsWhatTheMatrixSays() {
		List<String> mismatches = new ArrayList<>();
		for (Row row : MATRIX) {
			for (int column = 0; column < VISITORS.size(); column++) {
				String visitor = VISITORS.get(column);
				String expected = row.outcomes().get(column);
				String actual = call(visitor, row);
				if (!expected.equals(actual)) {
					mismatches.add(row.method() + " " + row.example() + " as " + visitor + ": expected " + expected
							+ ", got " + actual);
				}
			}
		}
		assertThat(mismatches).isEmpty();
	}

	@Test
	void theReadmeShowsThisMatrix() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		assertThat(readme).as("README.md holds the authorization matrix; paste:%n%s", markdown()).contains(markdown());
	}

	private String call(String visitor, Row row) {
		DashboardClient client = visitor.equals("Disabled member") ? disabledMember() : this.visitors.get(visitor);
		Map<String, String> targets = targets();
		String path = fill(row.example(), targets);
		Response response;
		if (row.method().equals("GET")) {
			response = client.get(path);
		}
		else {
			// Read a page first, for its CSRF token, as a browser would have.
			if (visitor.equals("Anonymous")) {
				client.get("/login");
			}
			else if (!visitor.equals("Disabled member")) {
				client.get("/settings/members");
			}
			Map<String, String> form = new LinkedHashMap<>();
			row.form().forEach((field) -> {
				String[] pair = field.split("=", 2);
				form.put(pair[0], fill(pair[1], targets));
			});
			response = client.post(path, form);
		}
		// The sign-in page itself, perhaps saying the session expired; not /login?invited, where an accepted
		// invitation leads.
		if (response.status() == 302 && response.location() != null
				&& (response.location().endsWith("/login") || response.location().endsWith("/login?expired"))) {
			return "login";
		}
		return String.valueOf(response.status());
	}

	/** Signed in while still enabled, holding a page's CSRF token, then disabled: its session is still there. */
	private DashboardClient disabledMember() {
		this.accounts.enable(this.disabled);
		DashboardClient client = signedIn(this.disabled);
		client.get("/settings/members");
		this.accounts.disable(this.disabled);
		return client;
	}

	/** Fresh targets for one request. */
	private Map<String, String> targets() {
		Map<String, String> targets = new LinkedHashMap<>();
		targets.put("{adminKey}", key(this.admin));
		targets.put("{developerKey}", key(this.developer));
		targets.put("{member}", String.valueOf(this.accounts
			.member(this.tenant, unique() + "@target.test", "Target", PASSWORD, Role.DEVELOPER)
			.id()
			.value()));
		targets.put("{invited}", String.valueOf(this.members
			.invite(Actor.user(this.tenant.id(), this.admin.id(), null),
					new NewMember(unique() + "@invited.test", "Invited", "VIEWER"))
			.id()
			.value()));
		targets.put("{tenant}", String.valueOf(this.accounts.tenant("Target " + UUID.randomUUID(), false).id().value()));
		targets.put("{unique}", unique());
		return targets;
	}

	private String key(User creator) {
		return this.keys
			.create(Actor.user(creator.tenantId(), creator.id(), null), new NewApiKey("Key " + unique(), null, "development"))
			.key()
			.publicId();
	}

	private static String fill(String template, Map<String, String> targets) {
		String filled = template;
		for (Map.Entry<String, String> target : targets.entrySet()) {
			filled = filled.replace(target.getKey(), target.getValue());
		}
		return filled;
	}

	private DashboardClient signedIn(User user) {
		DashboardClient client = new DashboardClient(this.port);
		assertThat(client.signIn(user.email(), PASSWORD).location()).endsWith("/settings/api-credentials");
		return client;
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 13);
	}

	/** The matrix as the README shows it. */
	static String markdown() {
		StringBuilder table = new StringBuilder("| Request | " + String.join(" | ", VISITORS) + " |\n");
		table.append("| --- |").append(" --- |".repeat(VISITORS.size())).append('\n');
		for (Row row : MATRIX) {
			table.append("| `").append(row.method()).append(' ').append(row.example()).append("` | ");
			table.append(String.join(" | ", row.outcomes())).append(" |\n");
		}
		return table.toString();
	}

	private static Row row(String method, String pattern, String example, String outcomes, String... form) {
		List<String> parsed = List.of(outcomes.split(" "));
		if (parsed.size() != VISITORS.size()) {
			throw new IllegalArgumentException("One outcome per visitor in " + method + " " + example);
		}
		return new Row(method, pattern, example, parsed, List.of(form));
	}

	record Row(String method, String pattern, String example, List<String> outcomes, List<String> form) {
	}

}
