package dev.latchkey.e2e;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.latchkey.e2e.pages.ApiCredentialsPage;
import dev.latchkey.e2e.pages.CreateKeyDialog;
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
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The stories of the dashboard issue, each told in a real browser against the real application. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:e2e-dashboard;DB_CLOSE_DELAY=-1",
				"latchkey.bootstrap.tenant=Acme Robotics", "latchkey.bootstrap.admin-email=" + DashboardIT.ADMIN,
				"latchkey.bootstrap.admin-name=Ada Admin", "latchkey.bootstrap.admin-password=" + DashboardIT.PASSWORD })
@Import(TestClockConfiguration.class)
class DashboardIT {

	static final String ADMIN = "ada@acme.test";

	static final String PASSWORD = "correct horse battery staple";

	private static final AtomicInteger names = new AtomicInteger();

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
	void aWrongPasswordIsRefusedWithTheGenericMessage() {
		LoginPage login = LoginPage.open(this.driver, this.baseUrl).signInExpectingFailure(ADMIN, "not the password");

		assertThat(login.error()).isEqualTo("Invalid email or password");
		assertThat(login.email()).isEqualTo(ADMIN);
		assertThat(login.password()).isEmpty();
		assertThat(login.offersPasswordReset()).isTrue();
	}

	@Test
	void anAdminSignsInAndReachesSettingsApiCredentials() {
		ApiCredentialsPage credentials = signIn();

		assertThat(credentials.tenantName()).isEqualTo("Acme Robotics");
		assertThat(credentials.signedInUser()).isEqualTo("Ada Admin");
	}

	@Test
	void aNewKeyIsShownOnceThenOnlyItsPrefix() {
		String name = uniqueName("CI pipeline");
		CreatedKeyDialog created = signIn().openCreateDialog().name(name).create();
		String token = created.token();

		assertThat(token).matches("key_[0-9a-f]{48}");
		assertThat(created.tokenIsReadOnly()).isTrue();
		assertThat(created.warning()).contains("will not be shown again");
		ApiCredentialsPage credentials = created.done();

		KeyRow row = credentials.row(name);
		assertThat(row.prefix()).isEqualTo(token.substring(0, 8) + "…");
		assertThat(row.expiration()).isEqualTo("Never");
		assertThat(row.createdBy()).isEqualTo("Ada Admin");
		assertThat(row.status()).isEqualTo("Active");
		assertThat(credentials.reload().pageSource()).doesNotContain(token).doesNotContain(token.substring(8));
	}

	@Test
	void theCreateDialogWorksFromTheKeyboardAndShowsErrorsNextToTheField() {
		ApiCredentialsPage credentials = signIn();
		CreateKeyDialog dialog = credentials.openCreateDialog();
		assertThat(dialog.focusedFieldLabel()).isEqualTo("Name");

		dialog.name("   ").createExpectingErrors();
		assertThat(dialog.error("name")).isEqualTo("Name is required");
		assertThat(dialog.focusedFieldLabel()).isEqualTo("Name");

		credentials = dialog.pressEscape();
		assertThat(credentials.openCreateDialog().isOpen()).isTrue();
	}

	@Test
	void deactivatingReactivatingAndDeletingAKeyTakeEffectOnTheApi() {
		String name = uniqueName("Billing sync");
		CreatedKeyDialog created = signIn().openCreateDialog().name(name).create();
		String token = created.token();
		ApiCredentialsPage credentials = created.done();
		assertThat(this.api.callWith(token)).isEqualTo(200);

		KeyRow row = credentials.row(name).deactivate();
		assertThat(row.status()).isEqualTo("Inactive");
		assertThat(this.api.callWith(token)).isEqualTo(401);

		row.reactivate();
		assertThat(row.status()).isEqualTo("Active");
		assertThat(this.api.callWith(token)).isEqualTo(200);

		var confirmation = credentials.row(name).delete();
		assertThat(confirmation.message()).contains(name).contains("irreversible");
		credentials = confirmation.confirm();
		assertThat(this.api.callWith(token)).isEqualTo(401);
		assertThat(credentials.hasRow(name)).isFalse();
		assertThat(credentials.toast("deleted")).isEqualTo("Key '" + name + "' deleted");
	}

	@Test
	void theDetailViewShowsEveryFieldAndTheHistoryAndCanDeactivateAndDelete() {
		String name = uniqueName("Partner feed");
		CreatedKeyDialog created = signIn().openCreateDialog().name(name).expiration("30 days").create();
		String token = created.token();

		KeyDetailPage detail = created.done().row(name).open();
		assertThat(detail.name()).isEqualTo(name);
		assertThat(detail.field("Key")).startsWith(token.substring(0, 8) + "…");
		assertThat(detail.field("Environment")).isEqualTo("Development");
		assertThat(detail.field("Created by")).isEqualTo("Ada Admin");
		assertThat(detail.field("Expiration")).isNotEqualTo("Never");
		assertThat(detail.field("Last used")).isEqualTo("Never");
		assertThat(detail.pageSource()).doesNotContain(token);

		detail = detail.deactivate();
		assertThat(detail.status()).isEqualTo("Inactive");
		assertThat(detail.history()).containsExactly("Created", "Deactivated");
		assertThat(this.api.callWith(token)).isEqualTo(401);

		ApiCredentialsPage credentials = detail.delete().confirm();
		assertThat(credentials.hasRow(name)).isFalse();
		assertThat(this.api.callWith(token)).isEqualTo(401);
	}

	@Test
	void anActionAfterTheSessionEndedLeadsToTheSignInPageNotIntoTheTable() {
		String name = uniqueName("Nightly export");
		ApiCredentialsPage credentials = signIn().openCreateDialog().name(name).create().done();

		this.jdbc.sql("delete from spring_session where principal_name = ?").param(ADMIN).update();

		LoginPage login = credentials.row(name).deactivateAfterTheSessionEnded();
		assertThat(login.signIn(ADMIN, PASSWORD).row(name).status()).isEqualTo("Active");
	}

	@Test
	void searchingByNameOrPrefixNarrowsTheTable() {
		String first = uniqueName("Search alpha");
		String second = uniqueName("Search beta");
		ApiCredentialsPage credentials = signIn().openCreateDialog().name(first).create().done();
		CreatedKeyDialog created = credentials.openCreateDialog().name(second).create();
		String prefix = created.token().substring(0, 8);
		credentials = created.done();

		assertThat(credentials.search(first).names()).containsExactly(first);
		assertThat(credentials.search(prefix).names()).containsExactly(second);
		assertThat(credentials.search("search").names()).contains(first, second);
	}

	@Test
	void aKeyPastItsExpirationShowsAsExpiredAndIsRefused() {
		String name = uniqueName("Contractor");
		CreatedKeyDialog created = signIn().openCreateDialog().name(name).expiration("7 days").create();
		String token = created.token();
		ApiCredentialsPage credentials = created.done();
		assertThat(credentials.row(name).status()).isEqualTo("Active");
		assertThat(this.api.callWith(token)).isEqualTo(200);

		this.clock.advance(Duration.ofDays(7).plusMinutes(1));

		KeyRow row = credentials.reload().row(name);
		assertThat(row.status()).isEqualTo("Expired");
		// "Expired" is said once, in Status; the Expiration column says when (issue 10: the table)
		assertThat(row.expiration()).isEqualTo("1 minute ago");
		assertThat(this.api.callWith(token)).isEqualTo(401);
	}

	@Test
	void aKeyNamedLikeAScriptIsShownAsText() {
		String name = "<script>alert(1)</script> " + names.incrementAndGet();
		ApiCredentialsPage credentials = signIn().openCreateDialog().name(name).create().done();

		assertThat(credentials.reload().row(name).name()).isEqualTo(name);
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> this.driver.switchTo().alert());
		KeyDetailPage detail = credentials.row(name).open();
		assertThat(detail.name()).isEqualTo(name);
		assertThat(detail.history()).containsExactly("Created");
	}

	@Test
	void afterSignOutTheBackButtonShowsNoKeyData() {
		String name = uniqueName("Warehouse");
		ApiCredentialsPage credentials = signIn().openCreateDialog().name(name).create().done();
		assertThat(credentials.hasRow(name)).isTrue();

		LoginPage afterBack = credentials.signOut().back();

		assertThat(afterBack.pageSource()).doesNotContain(name);
		assertThat(afterBack.signedOutVisit(this.baseUrl + "/settings/api-credentials").pageSource())
			.doesNotContain(name);
	}

	private ApiCredentialsPage signIn() {
		return LoginPage.open(this.driver, this.baseUrl).signIn(ADMIN, PASSWORD);
	}

	private static String uniqueName(String name) {
		return name + " " + names.incrementAndGet();
	}

}
