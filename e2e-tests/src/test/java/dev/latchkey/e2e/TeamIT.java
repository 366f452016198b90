package dev.latchkey.e2e;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.account.User;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.ApiClient;
import dev.latchkey.e2e.pages.AcceptInvitationPage;
import dev.latchkey.e2e.pages.ApiCredentialsPage;
import dev.latchkey.e2e.pages.CreateKeyDialog;
import dev.latchkey.e2e.pages.LoginPage;
import dev.latchkey.e2e.pages.MembersPage;
import dev.latchkey.e2e.pages.OperatorTenantsPage;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestSmtpServer;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team, told in a real browser with the emails read from GreenMail: an operator creates a tenant, its admin
 * accepts the invitation and creates a key, invites a Developer, who sees only what a Developer may use; the admin
 * disables the Developer, whose next click lands on the sign-in page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:e2e-team;DB_CLOSE_DELAY=-1",
				"latchkey.base-url=" + TeamIT.PUBLIC_URL })
@Import(TestAccounts.class)
class TeamIT {

	static final String PUBLIC_URL = "https://latchkey.e2e.test";

	private static final String PASSWORD = "a team passphrase to remember";

	private static final Pattern LINK = Pattern
		.compile(Pattern.quote(PUBLIC_URL) + "(/accept-invitation\\?token=[A-Za-z0-9_-]+)");

	@RegisterExtension
	static final Browser browser = new Browser();

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

	@Test
	void anOperatorIssuesATenantWhoseAdminBuildsATeam() {
		WebDriver driver = browser.driver();
		String baseUrl = "http://127.0.0.1:" + this.port;
		driver.get(baseUrl + "/login");
		driver.manage().deleteAllCookies();
		Tenant vendor = this.accounts.tenant("Vendor " + UUID.randomUUID(), true);
		User operator = this.accounts.operator(vendor, unique("olga"), "Olga Operator", PASSWORD);
		String tenantName = "Initech " + UUID.randomUUID().toString().substring(0, 8);
		String adminEmail = unique("peter");
		String developerEmail = unique("milton");

		OperatorTenantsPage tenants = LoginPage.open(driver, baseUrl)
			.signIn(operator.email(), PASSWORD)
			.operatorTenants()
			.createTenant()
			.create(tenantName, adminEmail, "Peter");
		assertThat(tenants.notice()).contains(tenantName).contains(adminEmail);
		assertThat(tenants.cell(tenantName, "production")).isEqualTo("Not granted");
		assertThat(tenants.cell(tenantName, "status")).isEqualTo("Active");
		assertThat(tenants.cell(tenantName, "members")).isEqualTo("1");
		driver.manage().deleteAllCookies();

		AcceptInvitationPage invitation = AcceptInvitationPage.openLink(driver, localLink(baseUrl, adminEmail));
		assertThat(invitation.email()).isEqualTo(adminEmail);
		LoginPage login = invitation.choose(PASSWORD);
		assertThat(login.invitationAcceptedMessage()).startsWith("Your account is ready");
		ApiCredentialsPage admin = login.signIn(adminEmail, PASSWORD);
		assertThat(admin.tenantName()).isEqualTo(tenantName);
		assertThat(admin.offersOperatorConsole()).isFalse();
		admin = admin.openCreateDialog().name("Admin key").create().done();

		MembersPage members = admin.members().invite(developerEmail, "Milton", "Developer");
		assertThat(members.status(developerEmail)).isEqualTo("Invited");
		members.signOut();
		driver.manage().deleteAllCookies();

		ApiCredentialsPage developer = AcceptInvitationPage.openLink(driver, localLink(baseUrl, developerEmail))
			.choose(PASSWORD)
			.signIn(developerEmail, PASSWORD);
		assertThat(developer.row("Admin key").offersDelete()).as("no Delete on a key another member created").isFalse();
		CreateKeyDialog create = developer.openCreateDialog();
		assertThat(create.offersEnvironment()).isFalse();
		developer = create.name("Developer key").create().done();
		assertThat(developer.row("Developer key").offersDelete()).isTrue();
		MembersPage seenByDeveloper = developer.members();
		assertThat(seenByDeveloper.emails()).contains(adminEmail, developerEmail);
		assertThat(seenByDeveloper.offersInvite()).isFalse();
		assertThat(seenByDeveloper.offersMemberActions()).isFalse();

		// Meanwhile, in the admin's browser: Disable, with the developer's key.
		DashboardClient adminBrowser = new DashboardClient(this.port);
		adminBrowser.signIn(adminEmail, PASSWORD);
		String page = adminBrowser.get("/settings/members").body();
		Matcher id = Pattern.compile("data-member-id=\"(\\d+)\"[^>]*>\\s*<td[^>]*>Milton").matcher(page);
		assertThat(id.find()).isTrue();
		assertThat(adminBrowser.post("/settings/members/" + id.group(1) + "/disable", Map.of("deactivateKeys", "true"))
			.status()).isEqualTo(302);

		LoginPage signedOut = developer.reloadAfterTheSessionEnded();
		assertThat(signedOut.signInExpectingFailure(developerEmail, PASSWORD).error())
			.isEqualTo("Invalid email or password");
	}

	@Test
	void anOperatorRevokesProductionAndTheProductionKeyIsRefusedUntilItIsGrantedAgain() {
		WebDriver driver = browser.driver();
		String baseUrl = "http://127.0.0.1:" + this.port;
		driver.get(baseUrl + "/login");
		driver.manage().deleteAllCookies();
		Tenant vendor = this.accounts.tenant("Vendor " + UUID.randomUUID(), true);
		User operator = this.accounts.operator(vendor, unique("olga"), "Olga Operator", PASSWORD);
		Tenant acme = this.accounts.tenant("Acme " + UUID.randomUUID().toString().substring(0, 8), true);
		User admin = this.accounts.admin(acme, unique("ada"), "Ada", PASSWORD);
		String token = this.keys
			.create(Actor.user(acme.id(), admin.id(), null), new NewApiKey("Production key", null, "production"))
			.token();
		ApiClient api = new ApiClient(this.port);
		assertThat(api.get("/api/hello_world/authenticated", token).status()).isEqualTo(200);

		OperatorTenantsPage tenants = LoginPage.open(driver, baseUrl)
			.signIn(operator.email(), PASSWORD)
			.operatorTenants()
			.confirm(acme.name(), "revoke-production");
		assertThat(tenants.cell(acme.name(), "production")).isEqualTo("Not granted");
		assertThat(tenants.cell(acme.name(), "active-keys")).isEqualTo("1");
		assertThat(tenants.pageSource()).doesNotContain("Production key");
		assertThat(api.get("/api/hello_world/authenticated", token).status()).isEqualTo(401);

		tenants = tenants.confirm(acme.name(), "grant-production");
		assertThat(tenants.cell(acme.name(), "production")).isEqualTo("Granted");
		assertThat(api.get("/api/hello_world/authenticated", token).status()).isEqualTo(200);
	}

	private static String localLink(String baseUrl, String email) {
		String text = TestSmtpServer.awaitEmails(email, 1).get(0).text();
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).as("an invitation link in: " + text).isTrue();
		return baseUrl + link.group(1);
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@team.test";
	}

}
