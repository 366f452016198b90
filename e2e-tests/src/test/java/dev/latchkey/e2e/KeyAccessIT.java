package dev.latchkey.e2e;

import java.util.concurrent.atomic.AtomicInteger;

import dev.latchkey.e2e.pages.ApiCredentialsPage;
import dev.latchkey.e2e.pages.CreateKeyDialog;
import dev.latchkey.e2e.pages.CreatedKeyDialog;
import dev.latchkey.e2e.pages.KeyDetailPage;
import dev.latchkey.e2e.pages.LoginPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The stories of issue 11 in a real browser: what a key may do (scopes) and where from (IP allowlist). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:e2e-key-access;DB_CLOSE_DELAY=-1",
				"latchkey.bootstrap.tenant=Acme Robotics", "latchkey.bootstrap.admin-email=" + KeyAccessIT.ADMIN,
				"latchkey.bootstrap.admin-name=Ada Admin", "latchkey.bootstrap.admin-password=" + KeyAccessIT.PASSWORD })
class KeyAccessIT {

	static final String ADMIN = "ada@acme.test";

	static final String PASSWORD = "correct horse battery staple";

	private static final AtomicInteger names = new AtomicInteger();

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

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

	@Test
	void aRestrictedKeyDoesOnlyWhatItsScopesAllowUntilAPersonChangesThem() {
		String name = "Reporting " + names.incrementAndGet();
		CreateKeyDialog dialog = signIn().openCreateDialog().name(name);
		assertThat(dialog.scopeChoicesShown()).as("Restricted is the default").isTrue();
		CreatedKeyDialog created = dialog.restricted("keys:read").create();
		String token = created.token();
		ApiCredentialsPage credentials = created.done();

		assertThat(credentials.row(name).scopes()).isEqualTo("keys:read");
		assertThat(this.api.listKeysWith(token)).isEqualTo(200);
		assertThat(this.api.createKeyWith(token)).isEqualTo(403);

		KeyDetailPage detail = credentials.row(name).open();
		assertThat(detail.field("Scopes")).contains("keys:read");
		detail = detail.changeScopes("keys:read", "keys:write");

		assertThat(detail.field("Scopes")).contains("keys:read keys:write");
		assertThat(detail.history()).contains("Scopes changed");
		assertThat(this.api.createKeyWith(token)).isEqualTo(201);
	}

	@Test
	void fullAccessHidesTheScopeChoices() {
		String name = "Everything " + names.incrementAndGet();
		CreateKeyDialog dialog = signIn().openCreateDialog().name(name).fullAccess();
		assertThat(dialog.scopeChoicesShown()).isFalse();

		ApiCredentialsPage credentials = dialog.create().done();

		assertThat(credentials.row(name).scopes()).isEqualTo("Full access");
	}

	@Test
	void aKeyAllowedOnlyElsewhereIsRefusedFromHereUntilThisAddressIsAllowed() {
		String name = "Office only " + names.incrementAndGet();
		CreatedKeyDialog created = signIn().openCreateDialog().name(name).allowedIps("192.0.2.0/24").create();
		String token = created.token();
		KeyDetailPage detail = created.done().row(name).open();

		assertThat(detail.field("Allowed IP addresses")).isEqualTo("192.0.2.0/24");
		assertThat(this.api.callWith(token)).isEqualTo(403);

		detail = detail.allowIps("192.0.2.0/24\n127.0.0.1");

		assertThat(detail.field("Allowed IP addresses")).isEqualTo("192.0.2.0/24, 127.0.0.1");
		assertThat(this.api.callWith(token)).isEqualTo(200);
		assertThat(detail.history()).contains("Refused: IP not allowed", "Allowed IPs changed");
	}

	private ApiCredentialsPage signIn() {
		return LoginPage.open(this.driver, this.baseUrl).signIn(ADMIN, PASSWORD);
	}

}
