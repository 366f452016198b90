package dev.latchkey.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.e2e.pages.ApiCredentialsPage;
import dev.latchkey.e2e.pages.CreateKeyDialog;
import dev.latchkey.e2e.pages.CreatedKeyDialog;
import dev.latchkey.e2e.pages.KeyDetailPage;
import dev.latchkey.e2e.pages.KeyRow;
import dev.latchkey.e2e.pages.LoginPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table's actions and dialogs as a new user meets them (issue 10): the ⋯ menu by keyboard and at the window's
 * edge, the toasts, the token dialog and its curl line, and a create button that cannot make two keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:e2e-actions;DB_CLOSE_DELAY=-1",
				"latchkey.bootstrap.tenant=Acme Robotics", "latchkey.bootstrap.admin-email=" + KeyActionsIT.ADMIN,
				"latchkey.bootstrap.admin-name=Ada Admin", "latchkey.bootstrap.admin-password=" + KeyActionsIT.PASSWORD })
class KeyActionsIT {

	static final String ADMIN = "ada@acme.test";

	static final String PASSWORD = "correct horse battery staple";

	private static final AtomicInteger names = new AtomicInteger();

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WebDriver driver;

	String baseUrl;

	@BeforeEach
	void signedOutBrowserOfALaptopsSize() {
		this.driver = browser.driver();
		this.driver.manage().window().setSize(new Dimension(1366, 768));
		this.baseUrl = "http://127.0.0.1:" + this.port;
		this.driver.get(this.baseUrl + "/login");
		this.driver.manage().deleteAllCookies();
	}

	@Test
	void theMenuOpensClosesAndMovesByKeyboardAndFocusGoesBackToItsButton() {
		String name = uniqueName("Keyboard");
		ApiCredentialsPage credentials = signIn().openCreateDialog().name(name).create().done();
		KeyRow row = credentials.row(name);

		row.pressOnMenuButton(Keys.ENTER);
		assertThat(row.menuIsOpen()).isTrue();
		assertThat(row.menuItems()).containsExactly("View", "Rename", "Change expiration", "Roll key", "Deactivate",
				"Delete");
		assertThat(row.focused()).isEqualTo("view");
		assertThat(row.press(Keys.ARROW_DOWN).focused()).isEqualTo("rename");
		assertThat(row.press(Keys.END).focused()).isEqualTo("delete");
		assertThat(row.press(Keys.ARROW_DOWN).focused()).as("wraps to the top").isEqualTo("view");
		assertThat(row.press(Keys.ARROW_UP).focused()).as("wraps to the bottom").isEqualTo("delete");

		row.press(Keys.ESCAPE);
		assertThat(row.menuIsOpen()).isFalse();
		assertThat(this.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo(row.menuButtonId());

		row.pressOnMenuButton(Keys.ARROW_DOWN);
		assertThat(row.menuIsOpen()).isTrue();
		row.press(Keys.TAB);
		assertThat(row.menuIsOpen()).as("Tab leaves the menu and closes it").isFalse();
	}

	@Test
	void theFocusRingStandsOutFromItsBackgroundByAtLeastThreeToOne() {
		String name = uniqueName("Focus ring");
		KeyRow row = signIn().openCreateDialog().name(name).create().done().row(name);
		row.pressOnMenuButton(Keys.ENTER).press(Keys.ESCAPE);

		JavascriptExecutor js = (JavascriptExecutor) this.driver;
		@SuppressWarnings("unchecked")
		List<String> colours = (List<String>) js.executeScript("""
				var focused = document.activeElement;
				var style = getComputedStyle(focused);
				var behind = focused.closest('.table-wrap') || document.body;
				return [style.outlineStyle, style.outlineColor, getComputedStyle(behind).backgroundColor,
					getComputedStyle(document.body).backgroundColor];""");
		assertThat(colours.get(0)).isEqualTo("solid");
		String surface = over(colours.get(2), colours.get(3));
		assertThat(contrast(over(colours.get(1), surface), surface)).isGreaterThanOrEqualTo(3.0);
		assertThat(contrast(over(colours.get(1), colours.get(3)), colours.get(3))).isGreaterThanOrEqualTo(3.0);
	}

	@Test
	void theMenuAtTheRightEdgeOfTheWindowIsWhollyVisibleAndAClickOutsideClosesIt() {
		String name = uniqueName("Right edge");
		KeyRow row = signIn().openCreateDialog().name(name).create().done().row(name).openMenu();

		Rectangle menu = row.menuRect();
		JavascriptExecutor js = (JavascriptExecutor) this.driver;
		long width = (Long) js.executeScript("return document.documentElement.clientWidth");
		long height = (Long) js.executeScript("return window.innerHeight");
		assertThat(menu.getX()).isGreaterThanOrEqualTo(0);
		assertThat(menu.getX() + menu.getWidth()).isLessThanOrEqualTo((int) width);
		assertThat(menu.getY()).isGreaterThanOrEqualTo(0);
		assertThat(menu.getY() + menu.getHeight()).isLessThanOrEqualTo((int) height);
		// every item can be clicked where it is: nothing of the table's scroll box covers it
		Boolean allOnTop = (Boolean) js.executeScript("""
				return Array.from(arguments[0].querySelectorAll('[role=menuitem]')).every(function (item) {
					var r = item.getBoundingClientRect();
					return item.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
				});""", this.driver.findElement(By.cssSelector("ul.menu:not([hidden])")));
		assertThat(allOnTop).isTrue();

		this.driver.findElement(By.tagName("h1")).click();
		assertThat(row.menuIsOpen()).isFalse();
	}

	@Test
	void deactivatingSaysSoInTheLiveRegionAndLeavesTheKeyboardOnTheRow() {
		String name = uniqueName("CI pipeline");
		ApiCredentialsPage credentials = signIn().openCreateDialog().name(name).create().done();

		KeyRow row = credentials.row(name).deactivate();

		assertThat(credentials.toast("deactivated")).isEqualTo("Key '" + name + "' deactivated");
		waitUntilFocusIsOn(row.menuButtonId());
		assertThat(row.status()).isEqualTo("Inactive");
		assertThat(row.openMenu().menuItems()).contains("Reactivate").doesNotContain("Deactivate");
	}

	@Test
	void onTheDetailViewEachActionReloadsTheViewInPlaceAndTheNextOneStillWorks() {
		String name = uniqueName("Detail");
		KeyDetailPage detail = signIn().openCreateDialog().name(name).create().done().row(name).open();

		detail = detail.deactivate();
		assertThat(detail.toast("deactivated")).isEqualTo("Key '" + name + "' deactivated");
		assertThat(detail.focused()).isEqualTo("reactivate");

		detail = detail.rename().name(name + " renamed").renameOnTheDetailView();
		assertThat(detail.name()).isEqualTo(name + " renamed");
		assertThat(detail.toast("renamed")).isEqualTo("Key '" + name + "' renamed to '" + name + " renamed'");
		assertThat(this.driver.getTitle()).isEqualTo(name + " renamed · API Credentials · Acme Robotics");

		ApiCredentialsPage credentials = detail.delete().confirm();
		assertThat(credentials.hasRow(name + " renamed")).isFalse();
		assertThat(credentials.notice()).isEqualTo("Key '" + name + " renamed' deleted");
	}

	@Test
	void theTokenDialogShowsTheWholeTokenCopiesItAndGivesACurlLineThatWorks() throws Exception {
		String name = uniqueName("Save me");
		CreatedKeyDialog created = signIn().openCreateDialog().name(name).create();

		assertThat(created.title()).isEqualTo("Save your API key");
		String token = created.token();
		assertThat(token).matches("key_[0-9a-f]{48}");
		assertThat(created.tokenIsReadOnly()).isTrue();
		assertThat(created.warning()).contains("will not be shown again");
		assertThat(created.copyToken()).isEqualTo("Copied");

		Matcher curl = Pattern.compile("^curl -H 'x-api-key: (key_[0-9a-f]{48})' (\\S+)$").matcher(created.curl());
		assertThat(curl.matches()).as(created.curl()).isTrue();
		assertThat(curl.group(1)).isEqualTo(token);
		assertThat(curl.group(2)).isEqualTo(this.baseUrl + "/api/hello_world/authenticated");
		assertThat(run(curl.group(2), curl.group(1))).isEqualTo(200);

		ApiCredentialsPage credentials = created.done();
		assertThat(credentials.toast("created")).isEqualTo("Key '" + name + "' created");
	}

	@Test
	void aDoubleClickOnCreateMakesOneKey() {
		String name = uniqueName("Double click");
		CreateKeyDialog dialog = signIn().openCreateDialog().name(name);

		// a slow network, so that the request is still running when we look
		ChromeDriver chrome = (ChromeDriver) this.driver;
		chrome.executeCdpCommand("Network.enable", Map.of());
		chrome.executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", false, "latency", 1500, "downloadThroughput", -1, "uploadThroughput", -1));
		CreatedKeyDialog created;
		try {
			WebElement submit = this.driver.findElement(By.cssSelector("[data-testid='create-submit']"));
			new Actions(this.driver).doubleClick(submit).perform();
			assertThat(submit.getDomProperty("disabled")).as("pressed once, it waits for the answer").isEqualTo("true");
			assertThat(this.driver.findElement(By.id("create-key-form")).getDomAttribute("aria-busy")).isEqualTo("true");
			created = dialog.createdAfterSubmit();
		}
		finally {
			chrome.executeCdpCommand("Network.emulateNetworkConditions",
					Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
		}
		ApiCredentialsPage credentials = created.done();
		assertThat(credentials.rows(name)).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from api_keys where name = ?").param(name).query(Long.class).single())
			.isEqualTo(1L);
	}

	private void waitUntilFocusIsOn(String id) {
		new org.openqa.selenium.support.ui.WebDriverWait(this.driver, java.time.Duration.ofSeconds(10))
			.until((driver) -> id.equals(driver.switchTo().activeElement().getDomAttribute("id")));
	}

	/** What running the curl line does, with Java's HTTP client: GET the address with the key's header. */
	private static int run(String url, String token) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("x-api-key", token).GET().build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** WCAG's contrast ratio of two CSS rgb()/rgba() colours. */
	static double contrast(String first, String second) {
		double a = luminance(first);
		double b = luminance(second);
		return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	}

	/** A colour as seen over an opaque one: rgba(47, 91, 211, 0.45) over white is a pale blue. */
	static String over(String colour, String behind) {
		double[] front = channels(colour);
		double[] back = channels(behind);
		double alpha = front[3];
		return String.format("rgb(%d, %d, %d)", Math.round(alpha * front[0] + (1 - alpha) * back[0]),
				Math.round(alpha * front[1] + (1 - alpha) * back[1]), Math.round(alpha * front[2] + (1 - alpha) * back[2]));
	}

	private static double[] channels(String colour) {
		Matcher rgba = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)(?:, ([0-9.]+))?\\)").matcher(colour);
		assertThat(rgba.find()).as(colour).isTrue();
		return new double[] { Double.parseDouble(rgba.group(1)), Double.parseDouble(rgba.group(2)),
				Double.parseDouble(rgba.group(3)), (rgba.group(4) != null) ? Double.parseDouble(rgba.group(4)) : 1.0 };
	}

	private static double luminance(String colour) {
		Matcher rgb = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(colour);
		assertThat(rgb.find()).as(colour).isTrue();
		double[] channels = new double[3];
		for (int i = 0; i < 3; i++) {
			double c = Integer.parseInt(rgb.group(i + 1)) / 255.0;
			channels[i] = (c <= 0.03928) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
	}

	private ApiCredentialsPage signIn() {
		return LoginPage.open(this.driver, this.baseUrl).signIn(ADMIN, PASSWORD);
	}

	private static String uniqueName(String name) {
		return name + " " + names.incrementAndGet();
	}

}
