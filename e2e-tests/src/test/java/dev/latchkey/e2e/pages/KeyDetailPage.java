package dev.latchkey.e2e.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** One key's detail view: all its fields and its history. */
public final class KeyDetailPage extends Page {

	KeyDetailPage(WebDriver driver) {
		super(driver);
	}

	@Override
	public void assertAt() {
		visible(testId("key-details"));
		assertThat(this.driver.getTitle()).contains("API Credentials");
	}

	public String name() {
		return this.driver.findElement(testId("detail-name")).getText();
	}

	public String status() {
		return this.driver.findElement(testId("detail-status")).getText();
	}

	/** The value shown for a field, by its label (Name, Key, Environment, Created by, Expiration, ...). */
	public String field(String label) {
		return this.driver
			.findElement(By.xpath("//dl[@data-testid='key-details']/dt[normalize-space()='" + label
					+ "']/following-sibling::dd[1]"))
			.getText();
	}

	/** The history's "What" column, oldest first. */
	public List<String> history() {
		return this.driver.findElements(By.cssSelector("[data-testid='history'] tbody tr td:nth-child(2)"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	/** Ticks exactly these scopes and saves them. */
	public KeyDetailPage changeScopes(String... scopes) {
		java.util.Set<String> wanted = java.util.Set.of(scopes);
		for (WebElement box : this.driver.findElements(By.cssSelector("#scopes-form input[name='scopes']"))) {
			if (box.isSelected() != wanted.contains(box.getDomAttribute("value"))) {
				box.click();
			}
		}
		clickAndAwaitNewPage(testId("save-scopes"));
		return at(new KeyDetailPage(this.driver));
	}

	/** Replaces the Allowed IP addresses (one a line; empty for anywhere) and saves them. */
	public KeyDetailPage allowIps(String addresses) {
		WebElement field = this.driver.findElement(By.id("allowed-ips"));
		field.clear();
		field.sendKeys(addresses);
		clickAndAwaitNewPage(testId("save-allowed-ips"));
		return at(new KeyDetailPage(this.driver));
	}

	/** "Rolled from key_3f9a…" or "Rolled to key_81c0…", a link to the other key. */
	public String rolledLink(String which) {
		return this.driver.findElement(testId("rolled-" + which)).getText();
	}

	public KeyDetailPage follow(String which) {
		clickAndAwaitNewPage(By.cssSelector("[data-testid='rolled-" + which + "'] a"));
		return at(new KeyDetailPage(this.driver));
	}

	/** Deactivated: the view reloads itself in place (htmx), says so in a toast, and offers Reactivate. */
	public KeyDetailPage deactivate() {
		this.driver.findElement(testId("deactivate")).click();
		waitFor((driver) -> {
			try {
				return "Inactive".equals(status()) && !driver.findElements(testId("reactivate")).isEmpty();
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return false;
			}
		});
		return at(new KeyDetailPage(this.driver));
	}

	public RenameKeyDialog rename() {
		this.driver.findElement(testId("rename")).click();
		return at(new RenameKeyDialog(this.driver));
	}

	public DeleteKeyDialog delete() {
		this.driver.findElement(testId("delete")).click();
		DeleteKeyDialog dialog = new DeleteKeyDialog(this.driver);
		dialog.assertAt();
		return dialog;
	}

	/** Opens a key's detail view by its address, as a link in an email does. */
	public static KeyDetailPage open(WebDriver driver, String url) {
		driver.get(url);
		return at(new KeyDetailPage(driver));
	}

}
