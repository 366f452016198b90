package dev.latchkey.account.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.account.User;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.DashboardClient.Response;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.support.TestSmtpServer;
import dev.latchkey.support.TestSmtpServer.Received;
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

/**
 * Settings → Account over real HTTP, with real sessions in the database and the notice email over SMTP; and what
 * a browser sees when its session has gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "latchkey.base-url=https://latchkey.example.test", "latchkey.mail.first-retry-delay=PT0.2S" })
@Import({ TestClockConfiguration.class, TestAccounts.class })
class AccountSettingsTest {

	static final String PATH = "/settings/account";

	static final String PASSWORD = "the current password, long enough";

	static final String NEW_PASSWORD = "a brand new passphrase for the key console";

	static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

	static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

	private static final Pattern SIGN_OUT = Pattern
		.compile("action=\"(/settings/account/sessions/[0-9a-f]+/sign-out)\"");

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		TestSmtpServer.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	User ada;

	DashboardClient laptop;

	@BeforeEach
	void signIn() {
		Tenant tenant = this.accounts.tenant("Account " + System.nanoTime(), false);
		this.ada = this.accounts.admin(tenant, "ada-" + System.nanoTime() + "@example.test", "Ada Lovelace", PASSWORD);
		this.laptop = browser();
		assertThat(this.laptop.signIn(this.ada.email(), PASSWORD, FIREFOX).location())
			.endsWith("/settings/api-credentials");
	}

	@Test
	void thePageShowsTheNameThePasswordFormAndThisSession() {
		Response page = this.laptop.get(PATH);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>Account</h1>")
			.contains(this.ada.email())
			.contains("value=\"Ada Lovelace\"")
			.contains("Change password")
			.contains("href=\"/settings/account\"");
		List<String> rows = rows(page);
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).contains("Firefox 128 on Linux").contains("127.0.0.1").contains("This session");
		assertThat(rows.get(0)).as("no sign-out button for the current session").doesNotContain("sign-out");
		assertThat(page.body()).doesNotContain(this.laptop.sessionId().orElseThrow())
			.doesNotContain(sessionId(this.laptop));
	}

	@Test
	void theDisplayNameChangesInTheHeaderToo() {
		this.laptop.get(PATH);
		Response renamed = this.laptop.post(PATH + "/name", Map.of("displayName", "  Countess Ada  "));

		assertThat(renamed.status()).isEqualTo(302);
		assertThat(renamed.location()).endsWith(PATH);
		Response page = this.laptop.get(PATH);
		assertThat(page.body()).contains("Your name was changed.")
			.contains("value=\"Countess Ada\"")
			.contains("data-testid=\"signed-in-user\">Countess Ada<");
		assertThat(this.jdbc.sql("select display_name from users where id = ?")
			.param(this.ada.id().value())
			.query(String.class)
			.single()).isEqualTo("Countess Ada");
	}

	@Test
	void aBlankOrLongNameIsAFormErrorNextToTheField() {
		this.laptop.get(PATH);
		Response blank = this.laptop.post(PATH + "/name", Map.of("displayName", "   "));
		assertThat(blank.status()).isEqualTo(422);
		assertThat(errors(blank, "displayName")).contains("Enter your name.");

		Response tooLong = this.laptop.post(PATH + "/name", Map.of("displayName", "x".repeat(101)));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(errors(tooLong, "displayName")).contains("Use at most 100 characters.");
		assertThat(this.jdbc.sql("select display_name from users where id = ?")
			.param(this.ada.id().value())
			.query(String.class)
			.single()).isEqualTo("Ada Lovelace");
	}

	@Test
	void changingThePasswordEndsEveryOtherSessionAndSendsANotice() {
		DashboardClient phone = browser();
		phone.signIn(this.ada.email(), PASSWORD, IPHONE);
		this.laptop.get(PATH);

		Response changed = changePassword(this.laptop, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

		assertThat(changed.status()).isEqualTo(302);
		assertThat(changed.location()).endsWith(PATH);
		assertThat(this.laptop.get(PATH).body()).contains("Your password was changed.");
		assertThat(phone.get(PATH).location()).as("the other session ended").endsWith("/login?expired");
		assertThat(browser().signIn(this.ada.email(), NEW_PASSWORD).location()).endsWith("/settings/api-credentials");
		assertThat(browser().signIn(this.ada.email(), PASSWORD).location()).endsWith("/login?error");
		Received notice = TestSmtpServer.awaitEmails(this.ada.email(), 1).get(0);
		assertThat(notice.subject()).isEqualTo("Your Latchkey password was changed");
		assertThat(notice.text()).contains("every other session signed in to it was signed out")
			.contains("https://latchkey.example.test/forgot-password")
			.doesNotContain(NEW_PASSWORD);
		assertThat(this.jdbc.sql("select count(*) from audit_events where action = 'password_changed' and actor_user_id = ?")
			.param(this.ada.id().value())
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aWrongCurrentPasswordIsAFormErrorAndCountsTowardSignInThrottling() {
		this.laptop.get(PATH);
		Response wrong = changePassword(this.laptop, "not my password at all", NEW_PASSWORD, NEW_PASSWORD);

		assertThat(wrong.status()).isEqualTo(422);
		assertThat(errors(wrong, "currentPassword")).contains("This is not your current password.");
		assertThat(wrong.body()).doesNotContain("not my password at all").doesNotContain(NEW_PASSWORD);
		for (int i = 0; i < 4; i++) {
			changePassword(this.laptop, "another wrong guess " + i, NEW_PASSWORD, NEW_PASSWORD);
		}
		assertThat(browser().signIn(this.ada.email(), PASSWORD).location())
			.as("sign-in from this address is throttled now")
			.endsWith("/login?busy");
		Response locked = changePassword(this.laptop, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
		assertThat(locked.status()).isEqualTo(422);
		assertThat(errors(locked, "currentPassword")).contains("Too many wrong passwords");
		assertThat(TestSmtpServer.to(this.ada.email())).isEmpty();
	}

	@Test
	void eachBrokenRuleOfTheNewPasswordIsShownNextToItsField() {
		this.laptop.get(PATH);

		Response tooShort = changePassword(this.laptop, PASSWORD, "too short", "too short");
		assertThat(tooShort.status()).isEqualTo(422);
		assertThat(errors(tooShort, "newPassword")).contains("Use at least 15 characters (this has 9).");

		Response mismatch = changePassword(this.laptop, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!");
		assertThat(errors(mismatch, "confirmation")).contains("The two passwords do not match.");
		assertThat(mismatch.body()).doesNotContain(NEW_PASSWORD).doesNotContain(PASSWORD);

		assertThat(browser().signIn(this.ada.email(), PASSWORD).location()).as("unchanged")
			.endsWith("/settings/api-credentials");
	}

	@Test
	void everyFormNeedsTheCsrfToken() {
		DashboardClient phone = browser();
		phone.signIn(this.ada.email(), PASSWORD, IPHONE);
		this.laptop.get(PATH);

		assertThat(this.laptop.postWithoutCsrf(PATH + "/name", Map.of("displayName", "Forged"), Map.of()).status())
			.isEqualTo(403);
		assertThat(this.laptop.postWithoutCsrf(PATH + "/password",
				Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD), Map.of())
			.status()).isEqualTo(403);
		assertThat(this.laptop.postWithoutCsrf(PATH + "/sessions/sign-out-others", Map.of(), Map.of()).status())
			.isEqualTo(403);
		assertThat(phone.get(PATH).status()).as("still signed in").isEqualTo(200);
		assertThat(browser().signIn(this.ada.email(), PASSWORD).location()).endsWith("/settings/api-credentials");
	}

	@Test
	void theSessionsListShowsEachSignInAndSigningOneOutEndsIt() {
		DashboardClient phone = browser();
		phone.signIn(this.ada.email(), PASSWORD, IPHONE);

		Response page = this.laptop.get(PATH);
		List<String> rows = rows(page);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).contains("Firefox 128 on Linux").contains("This session");
		assertThat(rows.get(1)).contains("Safari 17 on iOS").doesNotContain("This session");
		Matcher signOut = SIGN_OUT.matcher(rows.get(1));
		assertThat(signOut.find()).isTrue();

		Response ended = this.laptop.post(signOut.group(1), Map.of());
		assertThat(ended.location()).endsWith(PATH + "#sessions");
		assertThat(this.laptop.get(PATH).body()).contains("That session was signed out.");
		assertThat(rows(this.laptop.get(PATH))).hasSize(1);
		assertThat(phone.get(PATH).location()).endsWith("/login?expired");
		assertThat(this.laptop.get(PATH).status()).isEqualTo(200);
	}

	@Test
	void signOutAllOtherSessionsKeepsOnlyThisOne() {
		DashboardClient phone = browser();
		phone.signIn(this.ada.email(), PASSWORD, IPHONE);
		DashboardClient tablet = browser();
		tablet.signIn(this.ada.email(), PASSWORD, FIREFOX);
		this.laptop.get(PATH);

		Response ended = this.laptop.post(PATH + "/sessions/sign-out-others", Map.of());

		assertThat(ended.location()).endsWith(PATH + "#sessions");
		assertThat(this.laptop.get(PATH).body()).contains("Signed out 2 other sessions.");
		assertThat(phone.get(PATH).location()).endsWith("/login?expired");
		assertThat(tablet.get(PATH).location()).endsWith("/login?expired");
		assertThat(rows(this.laptop.get(PATH))).hasSize(1);
	}

	@Test
	void nobodyCanSignOutSomebodyElsesSession() {
		User bob = this.accounts.admin(this.accounts.tenant("Other " + System.nanoTime(), false),
				"bob-" + System.nanoTime() + "@example.test", "Bob", PASSWORD);
		DashboardClient bobsLaptop = browser();
		bobsLaptop.signIn(bob.email(), PASSWORD, FIREFOX);
		DashboardClient bobsPhone = browser();
		bobsPhone.signIn(bob.email(), PASSWORD, IPHONE);
		Matcher bobsSession = SIGN_OUT.matcher(bobsLaptop.get(PATH).body());
		assertThat(bobsSession.find()).isTrue();

		this.laptop.get(PATH);
		Response attempt = this.laptop.post(bobsSession.group(1), Map.of());

		assertThat(attempt.location()).endsWith(PATH + "#sessions");
		assertThat(this.laptop.get(PATH).body()).contains("That session had already ended.");
		assertThat(bobsPhone.get(PATH).status()).isEqualTo(200);
	}

	@Test
	void anExpiredSessionLeadsToSignInWithAMessageAndThenBackToThePage() {
		endSessionOf(this.laptop);

		Response asked = this.laptop.get(PATH + "?from=bookmark");
		assertThat(asked.location()).endsWith("/login?expired");
		assertThat(this.laptop.get("/login?expired").body()).contains("Your session has\n\t\t\texpired. Please sign in again.");

		Response signedIn = this.laptop.post("/login", Map.of("username", this.ada.email(), "password", PASSWORD));
		assertThat(signedIn.location()).endsWith(PATH + "?from=bookmark");
	}

	@Test
	void aFormPostedAfterTheSessionExpiredLeadsToSignInNotAnError() {
		this.laptop.get(PATH);
		endSessionOf(this.laptop);

		Response posted = this.laptop.post(PATH + "/name", Map.of("displayName", "Lost"));

		assertThat(posted.status()).isEqualTo(302);
		assertThat(posted.location()).endsWith("/login?expired");
		Response signedIn = this.laptop.signIn(this.ada.email(), PASSWORD);
		assertThat(signedIn.location()).as("a POST is not repeated").endsWith("/settings/api-credentials");
		assertThat(this.jdbc.sql("select display_name from users where id = ?")
			.param(this.ada.id().value())
			.query(String.class)
			.single()).isEqualTo("Ada Lovelace");
	}

	@Test
	void anHtmxRequestAfterTheSessionExpiredSendsTheBrowserToSignInAndThenBackToItsPage() {
		endSessionOf(this.laptop);

		Response htmx = this.laptop.get("/settings/api-credentials?q=ci",
				Map.of("HX-Request", "true", "HX-Current-URL", "http://127.0.0.1:" + this.port + "/settings/api-credentials?q=ci"));

		assertThat(htmx.status()).isEqualTo(401);
		assertThat(htmx.header("HX-Redirect")).isEqualTo("/login?expired");
		assertThat(htmx.body()).doesNotContain("<form");
		Response signedIn = this.laptop.signIn(this.ada.email(), PASSWORD);
		assertThat(signedIn.location()).endsWith("/settings/api-credentials?q=ci");
	}

	@Test
	void anHtmxRequestNeverReturnsToAnotherSite() {
		endSessionOf(this.laptop);

		this.laptop.get("/settings/api-credentials",
				Map.of("HX-Request", "true", "HX-Current-URL", "https://evil.example/settings/api-credentials"));

		assertThat(this.laptop.signIn(this.ada.email(), PASSWORD).location()).endsWith("/settings/api-credentials")
			.doesNotContain("evil");
	}

	@Test
	void aBrowserThatNeverSignedInIsNotToldItsSessionExpired() {
		assertThat(browser().get(PATH).location()).endsWith("/login");
	}

	/** As a time-out or a sign-out elsewhere leaves it: the browser still sends its cookie. */
	private void endSessionOf(DashboardClient browser) {
		assertThat(this.jdbc.sql("delete from spring_session where session_id = ?")
			.param(sessionId(browser))
			.update()).isOne();
	}

	/** The cookie holds the session id Base64-encoded. */
	private static String sessionId(DashboardClient browser) {
		return new String(Base64.getDecoder().decode(browser.sessionId().orElseThrow()), StandardCharsets.US_ASCII);
	}

	private Response changePassword(DashboardClient browser, String current, String password, String confirmation) {
		return browser.post(PATH + "/password",
				Map.of("currentPassword", current, "newPassword", password, "confirmation", confirmation));
	}

	private DashboardClient browser() {
		return new DashboardClient(this.port);
	}

	private static List<String> rows(Response page) {
		return Pattern.compile("(?s)<tr data-testid=\"session-row\".*?</tr>")
			.matcher(page.body())
			.results()
			.map((result) -> result.group())
			.toList();
	}

	private static String errors(Response page, String field) {
		String start = "data-testid=\"" + field + "-errors\"";
		int from = page.body().indexOf(start);
		assertThat(from).as("%s in the page", start).isNotNegative();
		return page.body().substring(from, page.body().indexOf("</div>", from));
	}

}
