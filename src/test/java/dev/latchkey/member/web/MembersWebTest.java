package dev.latchkey.member.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.DashboardClient.Response;
import dev.latchkey.support.MutableClock;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.support.TestSmtpServer;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings → Members and invitations over real HTTP, with the invitation emails sent to GreenMail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "latchkey.base-url=" + MembersWebTest.BASE_URL, "latchkey.mail.first-retry-delay=PT0.2S" })
@Import({ TestClockConfiguration.class, TestAccounts.class })
class MembersWebTest {

	static final String BASE_URL = "https://latchkey.example.test";

	static final String PATH = "/settings/members";

	private static final String PASSWORD = "correct horse battery";

	private static final String NEW_PASSWORD = "a brand new passphrase for ada";

	private static final Pattern TOKEN = Pattern.compile("/accept-invitation\\?token=([A-Za-z0-9_-]{43})");

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		TestSmtpServer.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Users users;

	@Autowired
	ApiKeyService keys;

	@Autowired
	MutableClock clock;

	Tenant tenant;

	User admin;

	DashboardClient adminBrowser;

	@BeforeEach
	void signInAsAdmin() {
		this.tenant = this.accounts.tenant("Members " + UUID.randomUUID(), false);
		this.admin = this.accounts.admin(this.tenant, unique("admin"), "Ada Admin", PASSWORD);
		this.adminBrowser = signedIn(this.admin);
	}

	@AfterEach
	void resetClock() {
		this.clock.set(Instant.now());
	}

	@Test
	void anInvitedMemberChoosesAPasswordOnceAndSignsIn() {
		String email = unique("dev");
		Response invited = invite(email, "Dev Eloper", "DEVELOPER");
		assertThat(invited.status()).isEqualTo(302);
		assertThat(this.adminBrowser.get(PATH).body()).contains(email).contains(">Invited<").contains("Developer");

		TestSmtpServer.Received mail = TestSmtpServer.awaitEmails(email, 1).get(0);
		assertThat(mail.text()).contains("Ada Admin invited you to " + this.tenant.name()).contains("Developer");
		String token = token(mail.text());
		assertThat(mail.text()).contains(BASE_URL + "/accept-invitation?token=" + token);

		DashboardClient invitee = new DashboardClient(this.port);
		Response opened = invitee.get("/accept-invitation?token=" + token);
		assertThat(opened.status()).isEqualTo(302);
		assertThat(opened.location()).endsWith("/accept-invitation").doesNotContain(token);
		assertThat(invitee.get("/accept-invitation").body()).contains(email);

		Response weak = invitee.post("/accept-invitation", Map.of("password", "short", "confirmation", "short"));
		assertThat(weak.status()).isEqualTo(422);
		assertThat(weak.body()).contains("Use at least 15 characters");

		Response accepted = invitee.post("/accept-invitation",
				Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
		assertThat(accepted.location()).endsWith("/login?invited");
		assertThat(invitee.get("/login?invited").body()).contains("Your account is ready");

		assertThat(new DashboardClient(this.port).get("/accept-invitation?token=" + token).status()).isEqualTo(410);
		DashboardClient signedIn = new DashboardClient(this.port);
		assertThat(signedIn.signIn(email, NEW_PASSWORD).location()).endsWith("/settings/api-credentials");
		Response list = this.adminBrowser.get(PATH);
		assertThat(list.body()).contains(email);
		assertThat(rowOf(list.body(), email)).contains(">Active<").doesNotContain(">Never<");
	}

	@Test
	void anInvitationExpiresAfter72HoursAndOnlyTheNewestLinkWorks() {
		String email = unique("late");
		invite(email, "Late", "VIEWER");
		String first = token(TestSmtpServer.awaitEmails(email, 1).get(0).text());
		long id = this.users.findByEmail(email).orElseThrow().id().value();

		this.adminBrowser.get(PATH);
		assertThat(this.adminBrowser.post(PATH + "/" + id + "/reinvite", Map.of()).status()).isEqualTo(302);
		String second = token(TestSmtpServer.awaitEmails(email, 2).get(1).text());
		Response old = new DashboardClient(this.port).get("/accept-invitation?token=" + first);
		assertThat(old.status()).isEqualTo(410);
		assertThat(old.body()).contains("This invitation link no longer works");

		this.clock.advance(Duration.ofHours(72).plusSeconds(1));
		assertThat(new DashboardClient(this.port).get("/accept-invitation?token=" + second).status()).isEqualTo(410);
		assertThat(new DashboardClient(this.port).get("/accept-invitation?token=not-a-token").status()).isEqualTo(410);
	}

	@Test
	void aRevokedInvitationsLinkStopsWorkingAndTheAddressIsFreeAgain() {
		String email = unique("revoked");
		invite(email, "Revoked", "VIEWER");
		String token = token(TestSmtpServer.awaitEmails(email, 1).get(0).text());
		long id = this.users.findByEmail(email).orElseThrow().id().value();

		this.adminBrowser.get(PATH);
		assertThat(this.adminBrowser.post(PATH + "/" + id + "/revoke-invitation", Map.of()).status()).isEqualTo(302);
		assertThat(new DashboardClient(this.port).get("/accept-invitation?token=" + token).status()).isEqualTo(410);
		assertThat(this.adminBrowser.get(PATH).body()).doesNotContain("data-member-id=\"" + id + "\"");
		assertThat(invite(email, "Revoked again", "VIEWER").status()).isEqualTo(302);
	}

	@Test
	void badInvitationsAreFormErrorsNextToTheirField() {
		Response blank = invite(" ", "Nobody", "VIEWER");
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.body()).contains("data-testid=\"error-email\"");

		Response malformed = invite("not-an-email", "Nobody", "VIEWER");
		assertThat(malformed.status()).isEqualTo(422);
		assertThat(malformed.body()).contains("data-testid=\"error-email\"");

		Response noName = invite(unique("noname"), "", "VIEWER");
		assertThat(noName.status()).isEqualTo(422);
		assertThat(noName.body()).contains("data-testid=\"error-name\"");

		Response badRole = invite(unique("role"), "Role", "OWNER");
		assertThat(badRole.status()).isEqualTo(422);
		assertThat(badRole.body()).contains("data-testid=\"error-role\"");

		Response member = invite(this.admin.email().toUpperCase(), "Again", "VIEWER");
		assertThat(member.status()).isEqualTo(422);
		assertThat(member.body()).contains("This person is already a member.");

		Tenant other = this.accounts.tenant("Secret Other " + UUID.randomUUID(), false);
		User stranger = this.accounts.admin(other, unique("stranger"), "Stranger", PASSWORD);
		Response elsewhere = invite(stranger.email(), "Stranger", "VIEWER");
		assertThat(elsewhere.status()).isEqualTo(422);
		assertThat(elsewhere.body()).contains("an email can belong to one tenant only").doesNotContain(other.name());

		assertThat(this.adminBrowser.get(PATH).body()).doesNotContain("not-an-email").doesNotContain("Nobody");
	}

	@Test
	void aTenantAlwaysKeepsOneActiveAdmin() {
		String self = PATH + "/" + this.admin.id().value();
		this.adminBrowser.get(PATH);
		Response demote = this.adminBrowser.post(self + "/role", Map.of("role", "VIEWER"));
		assertThat(demote.status()).isEqualTo(409);
		assertThat(demote.body()).contains("at least one active Admin");
		assertThat(this.adminBrowser.post(self + "/disable", Map.of()).status()).isEqualTo(409);
		assertThat(this.adminBrowser.post(self + "/remove", Map.of()).status()).isEqualTo(409);
		assertThat(this.adminBrowser.post(self + "/role", Map.of("role", "OWNER")).status()).isEqualTo(400);

		User second = this.accounts.admin(this.tenant, unique("second"), "Second", PASSWORD);
		this.adminBrowser.get(PATH);
		assertThat(this.adminBrowser.post(self + "/role", Map.of("role", "VIEWER")).status()).isEqualTo(302);
		assertThat(this.users.find(this.admin.id()).orElseThrow().role()).isEqualTo(Role.VIEWER);
		// Now a Viewer: refused, whatever it asks.
		this.adminBrowser.get(PATH);
		assertThat(this.adminBrowser.post(PATH + "/" + second.id().value() + "/disable", Map.of()).status())
			.isEqualTo(403);
	}

	@Test
	void disablingAMemberEndsItsSessionsAtOnceAndCanDeactivateItsKeys() {
		User developer = this.accounts.member(this.tenant, unique("dev"), "Dev", PASSWORD, Role.DEVELOPER);
		DashboardClient developerBrowser = signedIn(developer);
		Actor developerActor = Actor.user(this.tenant.id(), developer.id(), null);
		var first = this.keys.create(developerActor, new NewApiKey("First", null, "development"));
		this.keys.create(developerActor, new NewApiKey("Second", null, "development"));

		Response dialog = this.adminBrowser.get(PATH + "/" + developer.id().value() + "/disable",
				Map.of("HX-Request", "true"));
		assertThat(dialog.body()).contains("They created 2 active API keys").contains("Also deactivate those 2 keys");
		assertThat(this.adminBrowser.post(PATH + "/" + developer.id().value() + "/disable",
				Map.of("deactivateKeys", "true")).status()).isEqualTo(302);

		Response next = developerBrowser.get("/settings/api-credentials");
		assertThat(next.status()).isEqualTo(302);
		assertThat(next.location()).contains("/login");
		assertThat(this.keys.find(this.tenant.id(), first.key().publicId()).isActive()).isFalse();
		assertThat(new DashboardClient(this.port).signIn(developer.email(), PASSWORD).location()).endsWith("/login?error");
		assertThat(rowOf(this.adminBrowser.get(PATH).body(), developer.email())).contains(">Disabled<");

		this.adminBrowser.get(PATH);
		this.adminBrowser.post(PATH + "/" + developer.id().value() + "/enable", Map.of());
		assertThat(new DashboardClient(this.port).signIn(developer.email(), PASSWORD).location())
			.endsWith("/settings/api-credentials");
	}

	@Test
	void removingAMemberEndsItsSessionsAndKeepsItsKeysUnlessAsked() {
		User viewer = this.accounts.member(this.tenant, unique("viewer"), "Vi", PASSWORD, Role.VIEWER);
		DashboardClient viewerBrowser = signedIn(viewer);
		assertThat(viewerBrowser.get(PATH).body()).contains(this.admin.email())
			.doesNotContain("data-testid=\"invite-member\"")
			.doesNotContain("data-testid=\"remove\"");
		assertThat(viewerBrowser.get(PATH + "/invite", Map.of("HX-Request", "true")).status()).isEqualTo(403);
		viewerBrowser.get(PATH);
		assertThat(viewerBrowser.post(PATH, Map.of("email", unique("x"), "name", "X", "role", "ADMIN")).status())
			.isEqualTo(403);

		this.adminBrowser.get(PATH);
		assertThat(this.adminBrowser.post(PATH + "/" + viewer.id().value() + "/remove", Map.of()).status())
			.isEqualTo(302);
		assertThat(viewerBrowser.get(PATH).location()).contains("/login");
		assertThat(this.adminBrowser.get(PATH).body()).doesNotContain("data-member-id=\"" + viewer.id().value() + "\"");
		assertThat(this.adminBrowser.get(PATH + "/" + viewer.id().value() + "/remove").status()).isEqualTo(404);
	}

	@Test
	void anotherTenantsMemberIsNotFound() {
		Tenant other = this.accounts.tenant("Other " + UUID.randomUUID(), false);
		User stranger = this.accounts.admin(other, unique("other-admin"), "Other", PASSWORD);
		User otherDeveloper = this.accounts.member(other, unique("other-dev"), "OD", PASSWORD, Role.DEVELOPER);
		this.adminBrowser.get(PATH);
		assertThat(this.adminBrowser.post(PATH + "/" + otherDeveloper.id().value() + "/disable", Map.of()).status())
			.isEqualTo(404);
		assertThat(this.adminBrowser.get(PATH + "/" + stranger.id().value() + "/remove").status()).isEqualTo(404);
		assertThat(this.users.find(otherDeveloper.id()).orElseThrow().enabled()).isTrue();
	}

	private Response invite(String email, String name, String role) {
		this.adminBrowser.get(PATH);
		return this.adminBrowser.post(PATH, Map.of("email", email, "name", name, "role", role));
	}

	private DashboardClient signedIn(User user) {
		DashboardClient browser = new DashboardClient(this.port);
		assertThat(browser.signIn(user.email(), PASSWORD).location()).endsWith("/settings/api-credentials");
		return browser;
	}

	private static String rowOf(String page, String email) {
		int at = page.indexOf(email);
		return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
	}

	private static String token(String text) {
		Matcher matcher = TOKEN.matcher(text);
		assertThat(matcher.find()).as("an invitation link in: " + text).isTrue();
		return matcher.group(1);
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID() + "@members.test";
	}

}
