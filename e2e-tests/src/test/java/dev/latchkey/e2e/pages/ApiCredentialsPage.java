package dev.latchkey.e2e.pages;

import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings → API Credentials. */
public final class ApiCredentialsPage extends Page {

	ApiCredentialsPage(WebDriver driver) {
		super(driver);
	}

	@Override
	public void assertAt() {
		waitFor(ExpectedConditions.titleContains("API Credentials")::apply);
		assertThat(this.driver.findElement(By.tagName("h1")).getText()).isEqualTo("API Credentials");
		assertThat(this.driver.findElement(By.cssSelector("nav.sidebar a[aria-current='page']")).getText())
			.isEqualTo("API Credentials");
	}

	public String tenantName() {
		return this.driver.findElement(testId("tenant-name")).getText();
	}

	public String signedInUser() {
		return this.driver.findElement(testId("signed-in-user")).getText();
	}

	public CreateKeyDialog openCreateDialog() {
		this.driver.findElement(testId("create-key")).click();
		CreateKeyDialog dialog = new CreateKeyDialog(this.driver);
		dialog.assertAt();
		return dialog;
	}

	/** Types into the search box; the table follows as you type. */
	public ApiCredentialsPage search(String text) {
		WebElement box = this.driver.findElement(By.id("key-search"));
		box.clear();
		box.sendKeys(text);
		// The results section comes back from the server naming the search it answers.
		String expected = "q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
		waitFor((driver) -> {
			try {
				String answered = driver.findElement(By.id("key-results")).getDomAttribute("hx-get");
				return answered != null && answered.endsWith(expected);
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return false;
			}
		});
		return this;
	}

	/** Pastes a whole token into the search box: its key is found, and the box then shows only its prefix. */
	public ApiCredentialsPage searchToken(String token) {
		WebElement box = this.driver.findElement(By.id("key-search"));
		box.clear();
		box.sendKeys(token);
		String prefix = token.substring(0, 8);
		waitFor((driver) -> prefix.equals(driver.findElement(By.id("key-search")).getDomProperty("value")));
		return this;
	}

	/** Chooses a status in the toolbar (All, Active, Inactive, Expired); the table and the URL follow. */
	public ApiCredentialsPage filterByStatus(String status) {
		return changingTheList(() -> new org.openqa.selenium.support.ui.Select(
				this.driver.findElement(testId("filter-status"))).selectByVisibleText(status));
	}

	/** Clicks a column's header (name, created, expiration, last-used). */
	public ApiCredentialsPage sortBy(String column) {
		return changingTheList(() -> this.driver.findElement(testId("sort-" + column)).click());
	}

	/** The browser's back button, within the list. */
	public ApiCredentialsPage back() {
		return changingTheList(() -> this.driver.navigate().back());
	}

	/** Goes to a URL of the list, as from a bookmark. */
	public ApiCredentialsPage open(String pathAndQuery) {
		this.driver.get(java.net.URI.create(this.driver.getCurrentUrl()).resolve(pathAndQuery).toString());
		return at(new ApiCredentialsPage(this.driver));
	}

	/** The status the toolbar's filter shows. */
	public String statusFilter() {
		return new org.openqa.selenium.support.ui.Select(this.driver.findElement(testId("filter-status")))
			.getFirstSelectedOption()
			.getText();
	}

	/** The sort the headers show, as "name ascending" (from their aria-sort). */
	public String sortedBy() {
		return this.driver.findElements(By.cssSelector("th[aria-sort='ascending'], th[aria-sort='descending']"))
			.stream()
			.map((th) -> th.getText().replaceAll("[^A-Za-z ]", "").trim().toLowerCase() + " "
					+ th.getDomAttribute("aria-sort"))
			.findFirst()
			.orElse("");
	}

	/** The path and query the address bar shows. */
	public String location() {
		java.net.URI uri = java.net.URI.create(this.driver.getCurrentUrl());
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	/**
	 * Does something that shows another list: waits until the address bar changed and the results answer it (the
	 * results section names the list it shows in its hx-get).
	 */
	private ApiCredentialsPage changingTheList(Runnable action) {
		String before = location();
		action.run();
		waitFor((driver) -> {
			try {
				String now = location();
				String answered = driver.findElement(By.id("key-results")).getDomAttribute("hx-get");
				return !now.equals(before) && now.equals(answered);
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return false;
			}
		});
		return this;
	}

	/** The names in the table, top to bottom. */
	public List<String> names() {
		return this.driver.findElements(testId("key-name")).stream().map(WebElement::getText).toList();
	}

	public KeyRow row(String name) {
		return findRow(name).orElseThrow(() -> new AssertionError("No row for the key " + name));
	}

	/** Every row of that name, top to bottom (a rolled key and its successor share the name). */
	public List<KeyRow> rows(String name) {
		return this.driver.findElements(testId("key-row"))
			.stream()
			.filter((row) -> row.findElement(testId("key-name")).getText().equals(name))
			.map((row) -> new KeyRow(this.driver, row.getDomAttribute("data-key-id")))
			.toList();
	}

	public boolean hasRow(String name) {
		return findRow(name).isPresent();
	}

	public ApiCredentialsPage reload() {
		this.driver.navigate().refresh();
		return at(new ApiCredentialsPage(this.driver));
	}

	public String notice() {
		return this.driver.findElement(testId("notice")).getText();
	}

	/** Follows Settings → Members in the sidebar. */
	public MembersPage members() {
		clickAndAwaitNewPage(testId("nav-members"));
		return at(new MembersPage(this.driver));
	}

	/** Follows Operator → Tenants in the sidebar (operators only). */
	public OperatorTenantsPage operatorTenants() {
		clickAndAwaitNewPage(testId("nav-tenants"));
		return at(new OperatorTenantsPage(this.driver));
	}

	public boolean offersOperatorConsole() {
		return !this.driver.findElements(testId("nav-tenants")).isEmpty();
	}

	/** Reloads after the session was ended elsewhere: the browser lands on the sign-in page. */
	public LoginPage reloadAfterTheSessionEnded() {
		this.driver.navigate().refresh();
		return at(new LoginPage(this.driver));
	}

	public LoginPage signOut() {
		clickAndAwaitNewPage(testId("sign-out"));
		return at(new LoginPage(this.driver));
	}

	private Optional<KeyRow> findRow(String name) {
		List<WebElement> rows = this.driver.findElements(testId("key-row"));
		return rows.stream()
			.filter((row) -> row.findElement(testId("key-name")).getText().equals(name))
			.findFirst()
			.map((row) -> new KeyRow(this.driver, row.getDomAttribute("data-key-id")));
	}

}
