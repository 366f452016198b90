package dev.latchkey.account.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in to the dashboard through the real form over HTTP, with the session and the throttle in the
 * database: on H2 and on PostgreSQL by the subclasses.
 */
abstract class SignInTests {

	private static final String PASSWORD = "correct horse battery";

	private static final java.util.concurrent.atomic.AtomicInteger addresses = new java.util.concurrent.atomic.AtomicInteger();

	/** Addresses of their own for each test: the failures of one test must not throttle another's. */
	private String attacker;

	private String owner;

	/** As set by the subclasses' properties, small so that a test reaches it quickly. */
	static final int CEILING = 25;

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
		this.attacker = "203.0." + addresses.incrementAndGet() + ".66";
		this.owner = "198.18." + addresses.incrementAndGet() + ".200";
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
		assertThat(this.browser.sessionId()).as("an anonymous visitor gets no session").isEmpty();

		Response signedIn = this.browser.post("/login", Map.of("username", ada.email(), "password", PASSWORD));

		assertThat(signedIn.location()).endsWith("/settings/api-credentials");
		assertThat(this.browser.sessionId()).isPresent();
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(ada.email())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theOwnerFromACleanAddressSignsInWhileAnotherAddressAttacksTheAccount() {
		User ada = this.accounts.admin(this.tenant, unique("ada"), "Ada", PASSWORD);
		DashboardClient guesser = new DashboardClient(this.port);
		for (int i = 0; i < 30; i++) {
			signIn(guesser, ada.email(), "guess " + i, this.attacker);
		}
		assertThat(signIn(guesser, ada.email(), PASSWORD, this.attacker).location()).endsWith("/login?busy");
		assertThat(guesser.get("/login?busy").body()).contains("Too many attempts, try again in a moment");

		assertThat(signIn(this.browser, ada.email(), PASSWORD, owner).location()).endsWith("/settings/api-credentials");
	}

	@Test
	void failuresFromOneAddressSlowThatAddressForAWhileAndNoOneElse() {
		User ada = this.accounts.admin(this.tenant, unique("ada"), "Ada", PASSWORD);
		User bob = this.accounts.admin(this.tenant, unique("bob"), "Bob", PASSWORD);
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(this.browser, ada.email(), "guess " + i, attacker).location()).endsWith("/login?error");
		}

		assertThat(signIn(this.browser, ada.email(), PASSWORD, attacker).location()).endsWith("/login?busy");
		assertThat(signIn(new DashboardClient(this.port), bob.email(), PASSWORD, attacker).location())
			.endsWith("/settings/api-credentials");
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(signIn(this.browser, ada.email(), PASSWORD, attacker).location()).endsWith("/settings/api-credentials");
	}

	@Test
	void oneAddressFailingForManyAccountsIsRefusedForAnyAccount() {
		User ada = this.accounts.admin(this.tenant, unique("ada"), "Ada", PASSWORD);
		for (int i = 0; i < 20; i++) {
			signIn(this.browser, unique("nobody" + i), "guess", attacker);
		}
		assertThat(signIn(this.browser, ada.email(), PASSWORD, attacker).location()).endsWith("/login?busy");
		assertThat(signIn(this.browser, ada.email(), PASSWORD, owner).location()).endsWith("/settings/api-credentials");
	}

	@Test
	void aDistributedAttackPastTheAccountCeilingOnlySlowsTheAccount() {
		User ada = this.accounts.admin(this.tenant, unique("ada"), "Ada", PASSWORD);
		for (int i = 0; i < CEILING; i++) {
			signIn(new DashboardClient(this.port), ada.email(), "guess", "198.19." + addresses.get() + "." + i);
		}

		assertThat(signIn(this.browser, ada.email(), PASSWORD, owner).location()).endsWith("/login?busy");
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(signIn(this.browser, ada.email(), PASSWORD, owner).location()).endsWith("/settings/api-credentials");
	}

	@Test
	void anEmailLongerThan320CharactersIsAnOrdinaryFailedSignIn() {
		String email = "a".repeat(400) + "@example.com";
		Response refused = signIn(this.browser, email, PASSWORD, owner);
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.location()).endsWith("/login?error");
		assertThat(this.browser.get("/login?error").body()).contains("Invalid email or password");
	}

	@Test
	void concurrentFailuresForOneAccountAreOrdinaryFailedSignIns() throws Exception {
		User ada = this.accounts.admin(this.tenant, unique("ada"), "Ada", PASSWORD);
		this.browser.get("/login");
		List<Callable<Response>> attempts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String guess = "guess " + i;
			attempts.add(() -> this.browser.postWithHeaders("/login", Map.of("username", ada.email(), "password", guess),
					Map.of("X-Forwarded-For", "192.0.2." + guess.length())));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (Future<Response> attempt : pool.invokeAll(attempts)) {
				assertThat(attempt.get().status()).isEqualTo(302);
				assertThat(attempt.get().location()).containsAnyOf("/login?error", "/login?busy");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void signInsAreAuditedWithTheEmailAsTypedTheAddressAndTheUserAgent() {
		User ada = this.accounts.admin(this.tenant, unique("ada"), "Ada", PASSWORD);
		String typed = ada.email().toUpperCase();
		signIn(new DashboardClient(this.port), typed, "wrong", attacker);
		String nobody = unique("nobody");
		signIn(new DashboardClient(this.port), nobody, "wrong", attacker);
		signIn(this.browser, ada.email(), PASSWORD, owner);

		assertThat(auditedSignIns(typed)).containsExactly("sign_in_failed " + attacker + " " + this.tenant.id().value());
		assertThat(auditedSignIns(nobody)).containsExactly("sign_in_failed " + attacker + " null");
		assertThat(auditedSignIns(ada.email())).containsExactly("sign_in_succeeded " + owner + " " + this.tenant.id().value());
		assertThat(this.jdbc.sql("select user_agent from audit_events where actor_email = ?")
			.param(nobody)
			.query(String.class)
			.single()).isNotBlank();
	}

	@Test
	void throttledAttemptsAreAudited() {
		String email = unique("target");
		for (int i = 0; i < 6; i++) {
			signIn(this.browser, email, "guess", attacker);
		}
		assertThat(auditedSignIns(email)).containsOnly("sign_in_failed " + attacker + " null",
				"sign_in_throttled " + attacker + " null")
			.contains("sign_in_throttled " + attacker + " null");
	}

	@Test
	void anOlderHashIsReplacedByArgon2idAtTheNextSignIn() {
		User ada = this.accounts.admin(this.tenant, unique("ada"), "Ada", PASSWORD);
		this.jdbc.sql("update users set password_hash = ? where id = ?")
			.params("{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD), ada.id().value())
			.update();

		assertThat(signIn(this.browser, ada.email(), PASSWORD, owner).location()).endsWith("/settings/api-credentials");

		String hash = this.jdbc.sql("select password_hash from users where id = ?")
			.param(ada.id().value())
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(signIn(new DashboardClient(this.port), ada.email(), PASSWORD, owner).location())
			.endsWith("/settings/api-credentials");
	}

	private List<String> auditedSignIns(String email) {
		return this.jdbc
			.sql("select action, client_ip, tenant_id from audit_events where actor_email = ? order by id")
			.param(email)
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list();
	}

	/** Signs in as seen from the given address: the tests trust the loopback proxy (see the class's properties). */
	private Response signIn(DashboardClient client, String email, String password, String address) {
		client.get("/login");
		return client.postWithHeaders("/login", Map.of("username", email, "password", password),
				Map.of("X-Forwarded-For", address));
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
