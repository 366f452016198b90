package dev.latchkey.operator.web;

import java.util.Map;
import java.util.UUID;

import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.CreatedApiKey;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.ApiClient;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.DashboardClient.Response;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.support.TestSmtpServer;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Operator → Tenants over real HTTP: who may use it, creating tenants, and what grants and suspensions do to keys. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "latchkey.mail.first-retry-delay=PT0.2S")
@Import({ TestClockConfiguration.class, TestAccounts.class })
class OperatorWebTest {

	static final String PATH = "/operator/tenants";

	private static final String PASSWORD = "correct horse battery";

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		TestSmtpServer.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcClient jdbc;

	User operator;

	DashboardClient operatorBrowser;

	@BeforeEach
	void signInAsOperator() {
		Tenant vendor = this.accounts.tenant("Vendor " + UUID.randomUUID(), true);
		this.operator = this.accounts.operator(vendor, unique("operator"), "Olga Operator", PASSWORD);
		this.operatorBrowser = signedIn(this.operator);
	}

	@Test
	void onlyOperatorsReachTheConsoleGetIncluded() {
		Tenant acme = this.accounts.tenant("Acme " + UUID.randomUUID(), false);
		User admin = this.accounts.admin(acme, unique("admin"), "Ada", PASSWORD);
		DashboardClient adminBrowser = signedIn(admin);

		assertThat(adminBrowser.get("/settings/api-credentials").body()).doesNotContain("nav-tenants");
		assertThat(this.operatorBrowser.get("/settings/api-credentials").body()).contains("nav-tenants");
		assertThat(adminBrowser.get(PATH).status()).isEqualTo(403);
		assertThat(adminBrowser.get(PATH + "/new").status()).isEqualTo(403);
		assertThat(adminBrowser.get(PATH + "/" + acme.id().value() + "/suspend").status()).isEqualTo(403);
		adminBrowser.get("/settings/api-credentials");
		assertThat(adminBrowser.post(PATH + "/" + acme.id().value() + "/grant-production", Map.of()).status())
			.isEqualTo(403);
		assertThat(new DashboardClient(this.port).get(PATH).location()).contains("/login");
		assertThat(tenantRow(acme).get("production")).isEqualTo(false);
	}

	@Test
	void anOperatorCreatesATenantAndItsFirstAdminIsInvited() {
		String name = "Initech " + UUID.randomUUID();
		String email = unique("peter");
		Response created = create(name, email, "Peter");
		assertThat(created.status()).isEqualTo(302);

		TestSmtpServer.Received mail = TestSmtpServer.awaitEmails(email, 1).get(0);
		assertThat(mail.text()).contains("Olga Operator invited you to " + name).contains("/accept-invitation?token=");
		Response list = this.operatorBrowser.get(search(name.substring(0, 20)));
		assertThat(list.body()).contains(name).contains("Not granted").contains(">Active<");
		Map<String, Object> tenant = this.jdbc.sql("select id from tenants where name = ?").param(name).query().singleRow();
		long members = this.jdbc.sql("select count(*) from users where tenant_id = ? and role = 'ADMIN' and invited")
			.param(tenant.get("id"))
			.query(Long.class)
			.single();
		assertThat(members).isEqualTo(1);
		assertThat(this.jdbc.sql("select actor_user_id from audit_events where tenant_id = ? and action = 'tenant_created'")
			.param(tenant.get("id"))
			.query(Long.class)
			.single()).isEqualTo(this.operator.id().value());
	}

	@Test
	void badTenantsAreFormErrorsNextToTheirField() {
		String taken = "Taken " + UUID.randomUUID();
		this.accounts.tenant(taken, false);

		assertError(create("", unique("a"), "A"), "name");
		assertError(create("x".repeat(101), unique("a"), "A"), "name");
		assertError(create(taken.toUpperCase(), unique("a"), "A"), "name");
		assertError(create("Fine " + UUID.randomUUID(), "no-at-sign", "A"), "adminEmail");
		assertError(create("Fine " + UUID.randomUUID(), this.operator.email(), "A"), "adminEmail");
		assertError(create("Fine " + UUID.randomUUID(), unique("a"), ""), "adminName");
		assertThat(this.jdbc.sql("select count(*) from tenants where name like 'Fine %'").query(Long.class).single())
			.isZero();
	}

	@Test
	void revokingProductionRefusesProductionKeysFromTheNextRequestAndGrantingRestoresThem() {
		Tenant acme = this.accounts.tenant("Acme " + UUID.randomUUID(), true);
		User admin = this.accounts.admin(acme, unique("admin"), "Ada", PASSWORD);
		CreatedApiKey production = key(admin, "production", "Secret production key name");
		CreatedApiKey development = key(admin, "development", "Dev key");
		ApiClient api = new ApiClient(this.port);
		assertThat(api.get("/api/hello_world/authenticated", production.token()).status()).isEqualTo(200);

		Response list = this.operatorBrowser.get(search(acme.name()));
		assertThat(list.body()).contains(acme.name()).doesNotContain("Secret production key name")
			.doesNotContain(production.key().tokenPrefix());
		assertThat(this.operatorBrowser.get(PATH + "/" + acme.id().value() + "/revoke-production").body())
			.contains("refused (401)");
		assertThat(act(acme, "revoke-production").status()).isEqualTo(302);
		assertThat(api.get("/api/hello_world/authenticated", production.token()).status()).isEqualTo(401);
		assertThat(api.get("/api/hello_world/authenticated", development.token()).status()).isEqualTo(200);

		act(acme, "grant-production");
		assertThat(api.get("/api/hello_world/authenticated", production.token()).status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from audit_events where tenant_id = ? and actor_user_id = ? "
				+ "and action in ('production_revoked', 'production_granted')")
			.params(acme.id().value(), this.operator.id().value())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void suspendingATenantRefusesItsKeysAndEndsItsMembersSessions() {
		Tenant acme = this.accounts.tenant("Acme " + UUID.randomUUID(), false);
		User admin = this.accounts.admin(acme, unique("admin"), "Ada", PASSWORD);
		User viewer = this.accounts.member(acme, unique("viewer"), "Vi", PASSWORD, Role.VIEWER);
		DashboardClient adminBrowser = signedIn(admin);
		CreatedApiKey key = key(admin, "development", "Dev key");
		ApiClient api = new ApiClient(this.port);

		assertThat(act(acme, "suspend").status()).isEqualTo(302);
		assertThat(api.get("/api/hello_world/authenticated", key.token()).status()).isEqualTo(401);
		assertThat(adminBrowser.get("/settings/api-credentials").location()).contains("/login");
		assertThat(new DashboardClient(this.port).signIn(viewer.email(), PASSWORD).location()).endsWith("/login?error");
		assertThat(this.operatorBrowser.get(search(acme.name())).body()).contains(">Suspended<");

		act(acme, "resume");
		assertThat(api.get("/api/hello_world/authenticated", key.token()).status()).isEqualTo(200);
		assertThat(signedIn(viewer).get("/settings/members").status()).isEqualTo(200);
	}

	@Test
	void anOperatorCannotSuspendItsOwnTenant() {
		this.operatorBrowser.get(PATH);
		assertThat(this.operatorBrowser.post(PATH + "/" + this.operator.tenantId().value() + "/suspend", Map.of())
			.status()).isEqualTo(400);
		assertThat(this.operatorBrowser.get(PATH + "/999999999/suspend").status()).isEqualTo(404);
	}

	private static String search(String name) {
		return PATH + "?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
	}

	private Response act(Tenant tenant, String action) {
		this.operatorBrowser.get(PATH);
		return this.operatorBrowser.post(PATH + "/" + tenant.id().value() + "/" + action, Map.of());
	}

	private Response create(String name, String email, String adminName) {
		this.operatorBrowser.get(PATH);
		return this.operatorBrowser.post(PATH, Map.of("name", name, "adminEmail", email, "adminName", adminName));
	}

	private static void assertError(Response response, String field) {
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body()).contains("data-testid=\"error-" + field + "\"");
	}

	private CreatedApiKey key(User creator, String environment, String name) {
		return this.keys.create(Actor.user(creator.tenantId(), creator.id(), null),
				new NewApiKey(name, null, environment));
	}

	private Map<String, Object> tenantRow(Tenant tenant) {
		return this.jdbc.sql("select production_enabled as production from tenants where id = ?")
			.param(tenant.id().value())
			.query()
			.singleRow()
			.entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap((e) -> e.getKey().toLowerCase(), Map.Entry::getValue));
	}

	private DashboardClient signedIn(User user) {
		DashboardClient browser = new DashboardClient(this.port);
		assertThat(browser.signIn(user.email(), PASSWORD).location()).endsWith("/settings/api-credentials");
		return browser;
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID() + "@operator.test";
	}

}
