package dev.latchkey.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.CreatedApiKey;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.e2e.pages.ApiCredentialsPage;
import dev.latchkey.e2e.pages.LoginPage;
import dev.latchkey.shared.Actor;
import dev.latchkey.shared.TenantId;
import dev.latchkey.shared.UserId;
import dev.latchkey.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key table as a new user meets it, at a laptop's 1366×768, a desktop's 1920×1080 and a phone's 390×844: every
 * cell's content stays inside its cell and row, every row's actions are on screen, a 60-character name takes a few
 * lines rather than one letter a line. A screenshot of each width goes to {@code target/screenshots/}. Then the
 * filters, sorts and the back button, and a pasted token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:e2e-key-table;DB_CLOSE_DELAY=-1",
				"latchkey.bootstrap.tenant=Acme Robotics", "latchkey.bootstrap.admin-email=" + KeyTableLayoutIT.ADMIN,
				"latchkey.bootstrap.admin-name=Ada Admin", "latchkey.bootstrap.admin-password=" + KeyTableLayoutIT.PASSWORD })
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyTableLayoutIT {

	static final String ADMIN = "ada@acme.test";

	static final String PASSWORD = "correct horse battery staple";

	static final String LONG_NAME = "Nightly reconciliation of payouts across all regions ledgers";

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcClient jdbc;

	WebDriver driver;

	String baseUrl;

	CreatedApiKey billing;

	/**
	 * Keys of every kind the table shows: a long name, an expired key, a deactivated one, restricted scopes, one used
	 * a moment ago, one expiring within hours.
	 */
	@BeforeAll
	void keysOfEveryKind() {
		assertThat(LONG_NAME).hasSize(60);
		Actor admin = this.jdbc.sql("select id, tenant_id from users where email = ?")
			.param(ADMIN)
			.query((rs, n) -> Actor.user(new TenantId(rs.getLong("tenant_id")), new UserId(rs.getLong("id")), "127.0.0.1"))
			.single();
		Instant now = Instant.now();
		CreatedApiKey expired = create(admin, "Contractor access", now.plus(Duration.ofDays(2)), null);
		create(admin, "Legacy importer", null, null);
		this.keys.deactivate(admin, create(admin, "Legacy importer v2", null, null).key().publicId());
		create(admin, "Zapier integration", now.plus(Duration.ofHours(6)), List.of("keys:read", "keys:verify"));
		this.billing = create(admin, "Billing worker", now.plus(Duration.ofDays(90)), null);
		create(admin, LONG_NAME, now.plus(Duration.ofDays(365)), null);
		CreatedApiKey ci = create(admin, "CI pipeline", null, null);
		this.jdbc.sql("update api_keys set expires_at = ? where public_id = ?")
			.params(Timestamp.from(now.minus(Duration.ofDays(3))), expired.key().publicId())
			.update();
		this.jdbc.sql("update api_keys set last_used_at = ? where public_id = ?")
			.params(Timestamp.from(now.minus(Duration.ofMinutes(5))), ci.key().publicId())
			.update();
	}

	@BeforeEach
	void signedOutBrowser() {
		this.driver = browser.driver();
		this.baseUrl = "http://127.0.0.1:" + this.port;
		this.driver.get(this.baseUrl + "/login");
		this.driver.manage().deleteAllCookies();
	}

	@ParameterizedTest(name = "{0}×{1}")
	@CsvSource({ "1366, 768", "1920, 1080", "390, 844" })
	void everyColumnIsReadableAndEveryActionOnScreen(int width, int height) throws IOException {
		resize(width, height);
		ApiCredentialsPage credentials = signIn();
		assertThat(credentials.names()).contains(LONG_NAME, "CI pipeline", "Contractor access");
		screenshot(width + "x" + height);

		// nothing spills out of its cell, and no cell out of its row
		assertThat((Object) script("""
				const problems = [];
				const inside = (inner, outer) => inner.left >= outer.left - 1 && inner.right <= outer.right + 1
					&& inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
				for (const row of document.querySelectorAll('[data-testid=key-row]')) {
					const name = row.querySelector('[data-testid=key-name]').textContent;
					for (const cell of row.cells) {
						if (!inside(cell.getBoundingClientRect(), row.getBoundingClientRect())) {
							problems.push(name + ': cell ' + (cell.dataset.label || 'actions') + ' outside its row');
						}
						for (const element of cell.querySelectorAll('*')) {
							const box = element.getBoundingClientRect();
							if (box.width <= 1 || box.height <= 1 || element.closest('.visually-hidden')) continue;
							if (!inside(box, cell.getBoundingClientRect())) {
								problems.push(name + ': ' + element.tagName + ' "' + element.textContent.trim().slice(0, 30)
									+ '" outside its cell ' + (cell.dataset.label || 'actions'));
							}
						}
						if (cell.scrollWidth > cell.clientWidth + 1) {
							problems.push(name + ': cell ' + (cell.dataset.label || 'actions') + ' scrolls');
						}
					}
				}
				return problems;""")).isEqualTo(List.of());

		// every row's action trigger can be reached without scrolling sideways: the page does not scroll sideways
		// and each row's first action (the ⋯ menu's button, where the row has one) lies within the window
		assertThat((Object) script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
		assertThat((Object) script("""
				const problems = [];
				for (const row of document.querySelectorAll('[data-testid=key-row]')) {
					const name = row.querySelector('[data-testid=key-name]').textContent;
					const trigger = row.querySelector('td.actions [aria-haspopup], td.actions summary')
						|| row.querySelector('td.actions button, td.actions a');
					if (!trigger) {
						problems.push(name + ': no actions');
						continue;
					}
					const box = trigger.getBoundingClientRect();
					if (box.left < 0 || box.right > window.innerWidth || box.width === 0) {
						problems.push(name + ': ' + trigger.textContent.trim() + ' at ' + box.left + '–' + box.right);
					}
				}
				return problems;""")).isEqualTo(List.of());

		// the long name wraps over a few lines at most, never one letter a line
		Map<String, Object> name = script("""
				const link = [...document.querySelectorAll('[data-testid=key-name]')]
					.find((a) => a.textContent === arguments[0]);
				const lineHeight = parseFloat(getComputedStyle(link).lineHeight) || 20;
				return { height: link.getBoundingClientRect().height, width: link.getBoundingClientRect().width,
					lines: link.getBoundingClientRect().height / lineHeight, title: link.title };""", LONG_NAME);
		assertThat(((Number) name.get("lines")).doubleValue()).isLessThanOrEqualTo(3.2);
		assertThat(((Number) name.get("width")).doubleValue()).isGreaterThan(100);
		assertThat(name.get("title")).isEqualTo(LONG_NAME);
	}

	@Test
	void timesAreRelativeWithTheExactTimeInTheBrowsersZone() {
		resize(1366, 768);
		ApiCredentialsPage credentials = signIn();
		Map<String, Object> created = script("""
				const time = document.querySelector('[data-testid=key-created]');
				return { text: time.textContent, exact: time.dataset.exact || '', datetime: time.getAttribute('datetime'),
					tabindex: time.getAttribute('tabindex'), title: time.getAttribute('title') || '' };""");
		assertThat((String) created.get("text")).matches("just now|\\d+ (minute|hour)s? ago");
		// written by latchkey.js from the datetime attribute (the UTC fallback title is then removed)
		assertThat((String) created.get("exact")).containsPattern("20\\d\\d").isNotEqualTo(created.get("datetime"));
		assertThat(created.get("title")).isEqualTo("");
		assertThat(created.get("tabindex")).isEqualTo("0");
		assertThat(credentials.row("Contractor access").expiration()).isEqualTo("3 days ago");
		assertThat(credentials.row("Contractor access").status()).isEqualTo("Expired");
		assertThat(credentials.row("Zapier integration").expiration()).isEqualTo("in 6 hours");
	}

	@Test
	void filtersAndSortsAreKeptInTheUrlAndTheBackButtonRestoresThem() {
		resize(1366, 768);
		ApiCredentialsPage credentials = signIn();

		credentials = credentials.filterByStatus("Expired");
		assertThat(credentials.names()).containsExactly("Contractor access");
		assertThat(credentials.location()).isEqualTo("/settings/api-credentials?status=expired");

		credentials = credentials.filterByStatus("All").sortBy("name");
		assertThat(credentials.location()).isEqualTo("/settings/api-credentials?sort=name");
		assertThat(credentials.sortedBy()).isEqualTo("name ascending");
		assertThat(credentials.names()).startsWith("Billing worker", "CI pipeline", "Contractor access");

		credentials = credentials.back();
		assertThat(credentials.location()).isEqualTo("/settings/api-credentials");
		credentials = credentials.back();
		assertThat(credentials.location()).isEqualTo("/settings/api-credentials?status=expired");
		assertThat(credentials.statusFilter()).isEqualTo("Expired");
		assertThat(credentials.names()).containsExactly("Contractor access");
		assertThat(credentials.sortedBy()).isEqualTo("created descending");

		// bookmarkable: the URL alone shows the same list
		ApiCredentialsPage bookmarked = credentials.open("/settings/api-credentials?status=expired&sort=name&dir=desc");
		assertThat(bookmarked.statusFilter()).isEqualTo("Expired");
		assertThat(bookmarked.sortedBy()).isEqualTo("name descending");
	}

	@Test
	void aPastedTokenFindsItsKeyAndStaysOutOfTheAddressBar() {
		resize(1366, 768);
		ApiCredentialsPage credentials = signIn().searchToken(this.billing.token());

		assertThat(credentials.names()).containsExactly("Billing worker");
		assertThat(credentials.location()).isEqualTo("/settings/api-credentials?q=" + this.billing.token().substring(0, 8));
		assertThat(this.driver.getPageSource()).doesNotContain(this.billing.token());
	}

	private CreatedApiKey create(Actor admin, String name, Instant expiresAt, List<String> scopes) {
		return this.keys.create(admin, new NewApiKey(name, expiresAt, null, scopes));
	}

	private ApiCredentialsPage signIn() {
		return LoginPage.open(this.driver, this.baseUrl).signIn(ADMIN, PASSWORD);
	}

	/** Sizes the window so the page's viewport (window.innerWidth × innerHeight) is the given size. */
	private void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
		Map<String, Object> inner = script("return { width: window.innerWidth, height: window.innerHeight };");
		int dw = width - ((Number) inner.get("width")).intValue();
		int dh = height - ((Number) inner.get("height")).intValue();
		if (dw != 0 || dh != 0) {
			this.driver.manage().window().setSize(new Dimension(width + dw, height + dh));
		}
	}

	/** What the window shows, and the whole page, as PNGs. */
	private void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path shown = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shown, SCREENSHOTS.resolve("key-table-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		if (this.driver instanceof HasCdp cdp) {
			Map<String, Object> page = script("return { width: document.documentElement.scrollWidth, "
					+ "height: document.documentElement.scrollHeight };");
			Map<String, Object> full = cdp.executeCdpCommand("Page.captureScreenshot",
					Map.of("captureBeyondViewport", true, "format", "png", "clip",
							Map.of("x", 0, "y", 0, "width", page.get("width"), "height", page.get("height"), "scale", 1)));
			Files.write(SCREENSHOTS.resolve("key-table-" + name + "-full.png"),
					Base64.getDecoder().decode((String) full.get("data")));
		}
	}

	@SuppressWarnings("unchecked")
	private <T> T script(String script, Object... arguments) {
		return (T) ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

}
