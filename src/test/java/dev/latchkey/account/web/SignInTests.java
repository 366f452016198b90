package dev.latchkey.account.web;

import java.time.Duration;
import java.util.Map;

import dev.latchkey.account.User;
import dev.latchkey.support.DashboardClient.Response;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.MutableClock;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in to the dashboard through the real form over HTTP, with the session and the throttle in the
 * database: on H2 and on PostgreSQL by the subclasses.
 */
abstract class SignInTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	DashboardClient browser;

	Tenant tenant;

	@BeforeEach
	void setUp() {
		this.browser = new DashboardClient(this.port);
		this.tenant = this.accounts.tenant("Sign-in " + System.nanoTime(), false);
	}

	@AfterEach
	void resetClock() {
		this.clock.set(java.time.Instant.now());
	}

	@Test
	void wrongPasswordUnknownEmailAndDisabledAccountGetTheSameAnswer() {
		User ada = this.accounts.admin(this.tenant, unique("ada"), "Ada", PASSWORD);
		User off = this.accounts.admin(this.tenant, unique("off"), "Off", PASSWORD);
		this.accounts.disable(off);

		for (String[] attempt : new String[][] { { ada.email(), "wrong password" },
				{ unique("nobody"), PASSWORD }, { off.email(), PASSWORD } }) {
			DashboardClient client = new DashboardClient(this.port);
			Response refused = client.signIn(attempt[0], attempt[1]);
			assertThat(refused.status()).isEqualTo(302);
			assertThat(refused.location()).endsWith("/login?error");

			Response form = client.get("/login?error");
			assertThat(form.body()).contains("Invalid email or password")
				.contains("value=\"" + attempt[0] + "\"")
				.doesNotContain(attempt[1]);
		}
	}

	@Test
	void signInIssuesANewSessionIdStoredInTheDatabase() {
		User ada = this.accounts.admin(this.tenant, unique("ada"), "Ada", PASSWORD);
		this.browser.get("/login");
		String before = this.browser.sessionId().orElseThrow();

		Response signedIn = this.browser.post("/login", Map.of("username", ada.email(), "password", PASSWORD));

		assertThat(signedIn.location()).endsWith("/settings/api-credentials");
		String after = this.browser.sessionId().orElseThrow();
		assertThat(after).isNotEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(ada.email())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void repeatedFailuresLockOnlyThatAccountForAWhile() {
		User ada = this.accounts.admin(this.tenant, unique("ada"), "Ada", PASSWORD);
		User bob = this.accounts.admin(this.tenant, unique("bob"), "Bob", PASSWORD);
		for (int i = 0; i < 5; i++) {
			this.browser.signIn(ada.email(), "guess " + i);
		}

		assertThat(this.browser.signIn(ada.email(), PASSWORD).location()).endsWith("/login?error");
		assertThat(new DashboardClient(this.port).signIn(bob.email(), PASSWORD).location())
			.endsWith("/settings/api-credentials");

		this.clock.advance(Duration.ofMinutes(14));
		assertThat(this.browser.signIn(ada.email(), PASSWORD).location()).endsWith("/login?error");
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.browser.signIn(ada.email(), PASSWORD).location()).endsWith("/settings/api-credentials");
	}

	@Test
	void failuresSpreadOverMoreThanTheWindowDoNotLock() {
		User ada = this.accounts.admin(this.tenant, unique("ada"), "Ada", PASSWORD);
		for (int i = 0; i < 8; i++) {
			this.browser.signIn(ada.email(), "guess " + i);
			this.clock.advance(Duration.ofMinutes(4));
		}
		assertThat(this.browser.signIn(ada.email(), PASSWORD).location()).endsWith("/settings/api-credentials");
	}

	@Test
	void signOutNeedsTheCsrfTokenAndEndsTheSession() {
		User ada = this.accounts.admin(this.tenant, unique("ada"), "Ada", PASSWORD);
		this.browser.signIn(ada.email(), PASSWORD);
		this.browser.get("/login");

		assertThat(this.browser.postWithoutCsrf("/logout", Map.of(), Map.of()).status()).isEqualTo(403);
		Response signedOut = this.browser.post("/logout", Map.of());
		assertThat(signedOut.location()).endsWith("/login?logout");

		assertThat(this.browser.get("/settings/api-credentials").location()).endsWith("/login");
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(ada.email())
			.query(Long.class)
			.single()).isZero();
	}

	private static String unique(String name) {
		return name + "-" + System.nanoTime() + "@example.com";
	}

}
