package dev.latchkey.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** The Create API key dialog, loaded with htmx. */
public final class CreateKeyDialog extends Page {

	CreateKeyDialog(WebDriver driver) {
		super(driver);
	}

	@Override
	public void assertAt() {
		WebElement dialog = visible(By.cssSelector("dialog#create-key-dialog[open]"));
		assertThat(dialog.findElement(By.tagName("h2")).getText()).isEqualTo("Create API key");
	}

	public CreateKeyDialog name(String name) {
		WebElement field = this.driver.findElement(By.id("key-name"));
		field.clear();
		field.sendKeys(name);
		return this;
	}

	/** @param label as offered: Never, 7 days, 30 days, 60 days, 90 days, 1 year, Custom date */
	public CreateKeyDialog expiration(String label) {
		new Select(this.driver.findElement(By.id("key-expiration"))).selectByVisibleText(label);
		return this;
	}

	/** Whether the dialog offers a choice of environment (production): only to admins of tenants with production. */
	public boolean offersEnvironment() {
		return !this.driver.findElements(By.id("key-environment")).isEmpty();
	}

	/** Restricted, with exactly these scopes ticked. */
	public CreateKeyDialog restricted(String... scopes) {
		this.driver.findElement(testId("access-restricted")).click();
		java.util.Set<String> wanted = java.util.Set.of(scopes);
		for (WebElement box : this.driver.findElements(By.cssSelector("#create-key-form input[name='scopes']"))) {
			if (box.isSelected() != wanted.contains(box.getDomAttribute("value"))) {
				box.click();
			}
		}
		return this;
	}

	public CreateKeyDialog fullAccess() {
		this.driver.findElement(testId("access-full")).click();
		return this;
	}

	/** Whether the scope checkboxes are shown (only for Restricted). */
	public boolean scopeChoicesShown() {
		return this.driver.findElement(By.cssSelector("#create-key-form .scope-list")).isDisplayed();
	}

	/** The Allowed IP addresses field, one a line. */
	public CreateKeyDialog allowedIps(String addresses) {
		WebElement field = this.driver.findElement(By.id("key-allowed-ips"));
		field.clear();
		field.sendKeys(addresses);
		return this;
	}

	public CreatedKeyDialog create() {
		this.driver.findElement(testId("create-submit")).click();
		CreatedKeyDialog created = new CreatedKeyDialog(this.driver);
		created.assertAt();
		return created;
	}

	/** The token dialog, once the create request (submitted some other way than {@link #create()}) is answered. */
	public CreatedKeyDialog createdAfterSubmit() {
		CreatedKeyDialog created = new CreatedKeyDialog(this.driver);
		created.assertAt();
		return created;
	}

	public CreateKeyDialog createExpectingErrors() {
		this.driver.findElement(testId("create-submit")).click();
		visible(By.cssSelector("dialog[open] .field-error"));
		return this;
	}

	public String error(String field) {
		return this.driver.findElement(testId("error-" + field)).getText();
	}

	/** The element the keyboard is on. */
	public String focusedFieldLabel() {
		WebElement focused = this.driver.switchTo().activeElement();
		return this.driver.findElement(By.cssSelector("label[for='" + focused.getDomAttribute("id") + "']")).getText();
	}

	public boolean isOpen() {
		return !this.driver.findElements(By.cssSelector("dialog#create-key-dialog[open]")).isEmpty();
	}

	public ApiCredentialsPage pressEscape() {
		this.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
		waitFor((driver) -> !isOpen());
		return at(new ApiCredentialsPage(this.driver));
	}

}
