package dev.latchkey.e2e;

import java.time.Duration;

import dev.latchkey.e2e.pages.ApiCredentialsPage;
import dev.latchkey.e2e.pages.CreatedKeyDialog;
import dev.latchkey.e2e.pages.KeyDetailPage;
import dev.latchkey.e2e.pages.KeyRow;
import dev.latchkey.e2e.pages.LoginPage;
import dev.latchkey.support.MutableClock;
import dev.latchkey.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10's key lifecycle in a real browser: roll with a grace period, rename, bring an expired key back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:e2e-lifecycle;DB_CLOSE_DELAY=-1",
				"latchkey.bootstrap.tenant=Acme Robotics", "latchkey.bootstrap.admin-email=" + KeyLifecycleIT.ADMIN,
				"latchkey.bootstrap.admin-name=Ada Admin", "latchkey.bootstrap.admin-password=" + KeyLifecycleIT.PASSWORD })
@Import(TestClockConfiguration.class)
class KeyLifecycleIT {

	static final String ADMIN = "ada@acme.test";

	static final String PASSWORD = "correct horse battery staple";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	WebDriver driver;

	String baseUrl;

	ApiClient api;

	@BeforeEach
	void signedOutBrowser() {
		this.driver = browser.driver();
		this.baseUrl = "http://127.0.0.1:" + this.port;
		this.api = new ApiClient(this.baseUrl);
		this.driver.get(this.baseUrl + "/login");
		this.driver.manage().deleteAllCookies();
	}

	@AfterEach
	void realTime() {
		this.clock.set(java.time.Instant.now());
	}

	@Test
	void aKeyRolledWithOneHourWorksAlongsideItsSuccessorUntilTheHourIsOver() {
		CreatedKeyDialog created = signIn().openCreateDialog().name("CI pipeline").create();
		String oldToken = created.token();
		ApiCredentialsPage credentials = created.done();

		CreatedKeyDialog rolled = credentials.row("CI pipeline").roll().oldKeyStops("1h").roll();
		String newToken = rolled.token();
		assertThat(newToken).matches("key_[0-9a-f]{48}").isNotEqualTo(oldToken);
		credentials = rolled.done().reload();

		assertThat(this.api.callWith(oldToken)).isEqualTo(200);
		assertThat(this.api.callWith(newToken)).isEqualTo(200);
		KeyRow old = credentials.rows("CI pipeline").stream()
			.filter((row) -> row.prefix().equals(oldToken.substring(0, 8) + "…"))
			.findFirst()
			.orElseThrow();
		// the table shows expirations as relative times (the detail view still says "Expires in 1 hour")
		assertThat(old.expiration()).isEqualTo("in 1 hour");
		assertThat(old.offersRoll()).isFalse();
		KeyDetailPage detail = old.open();
		assertThat(detail.rolledLink("to")).isEqualTo("Rolled to " + newToken.substring(0, 8) + "…");
		KeyDetailPage successor = detail.follow("to");
		assertThat(successor.rolledLink("from")).isEqualTo("Rolled from " + oldToken.substring(0, 8) + "…");
		assertThat(successor.history()).anyMatch((action) -> action.startsWith("Rolled from"));

		this.clock.advance(Duration.ofHours(1).plusMinutes(1));
		assertThat(this.api.callWith(oldToken)).isEqualTo(401);
		assertThat(this.api.callWith(newToken)).isEqualTo(200);
	}

	@Test
	void aKeyIsRenamedAndAnExpiredKeyIsGivenANewExpirationAndWorksAgain() {
		CreatedKeyDialog created = signIn().openCreateDialog().name("Nightly export").expiration("7 days").create();
		String token = created.token();
		ApiCredentialsPage credentials = created.done();

		// the field holds at most 128 characters (the 129-character case is in KeyLifecycleWebTest and the API tests)
		var renameDialog = credentials.row("Nightly export").rename().name(" ").renameExpectingError();
		assertThat(renameDialog.error()).isEqualTo("Name is required");
		credentials = renameDialog.name("Nightly backup").rename();
		assertThat(credentials.toast("renamed")).isEqualTo("Key 'Nightly export' renamed to 'Nightly backup'");
		assertThat(credentials.hasRow("Nightly export")).isFalse();

		// Expired yesterday: set in the database, as moving the clock a week on would also end the signed-in session
		// (the key has not been used yet, so no cache holds it)
		this.jdbc.sql("update api_keys set expires_at = ? where name = ?")
			.params(java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofDays(1))), "Nightly backup")
			.update();
		credentials = credentials.reload();
		assertThat(credentials.row("Nightly backup").status()).isEqualTo("Expired");
		assertThat(this.api.callWith(token)).isEqualTo(401);

		credentials = credentials.row("Nightly backup").changeExpiration().expiration("30 days").change();

		assertThat(credentials.row("Nightly backup").status()).isEqualTo("Active");
		assertThat(this.api.callWith(token)).isEqualTo(200);
	}

	private ApiCredentialsPage signIn() {
		return LoginPage.open(this.driver, this.baseUrl).signIn(ADMIN, PASSWORD);
	}

}
