package dev.latchkey.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** One key's row in the API Credentials table, found again by its id after htmx swaps it. */
public final class KeyRow extends Page {

	private final String id;

	KeyRow(WebDriver driver, String id) {
		super(driver);
		this.id = id;
	}

	@Override
	public void assertAt() {
		assertThat(element().isDisplayed()).isTrue();
	}

	public String name() {
		return cell("key-name");
	}

	public String prefix() {
		return cell("key-prefix");
	}

	public String expiration() {
		return cell("key-expiration");
	}

	public String createdBy() {
		return cell("key-created-by");
	}

	/** The Scopes column: "Full access", "keys:read, keys:verify", ... */
	public String scopes() {
		return cell("key-scopes");
	}

	public String status() {
		return cell("key-status");
	}

	/** Deactivates in place: the same row comes back, inactive. */
	public KeyRow deactivate() {
		return act("deactivate", "Inactive");
	}

	public KeyRow reactivate() {
		return act("reactivate", "Active");
	}

	/** Deactivate when the session has ended meanwhile: the whole page goes to the sign-in form. */
	public LoginPage deactivateAfterTheSessionEnded() {
		element().findElement(testId("deactivate")).click();
		waitFor(org.openqa.selenium.support.ui.ExpectedConditions.titleContains("Sign in")::apply);
		return at(new LoginPage(this.driver));
	}

	/** Whether the row offers Delete: only to whoever may delete the key. */
	public boolean offersDelete() {
		return !element().findElements(testId("delete")).isEmpty();
	}

	public DeleteKeyDialog delete() {
		element().findElement(testId("delete")).click();
		DeleteKeyDialog dialog = new DeleteKeyDialog(this.driver);
		dialog.assertAt();
		return dialog;
	}

	public RollKeyDialog roll() {
		element().findElement(testId("roll")).click();
		return at(new RollKeyDialog(this.driver));
	}

	public boolean offersRoll() {
		return !element().findElements(testId("roll")).isEmpty();
	}

	public RenameKeyDialog rename() {
		element().findElement(testId("rename")).click();
		return at(new RenameKeyDialog(this.driver));
	}

	public ChangeExpirationDialog changeExpiration() {
		element().findElement(testId("change-expiration-button")).click();
		return at(new ChangeExpirationDialog(this.driver));
	}

	public KeyDetailPage open() {
		element().findElement(testId("key-name")).click();
		return at(new KeyDetailPage(this.driver));
	}

	private KeyRow act(String button, String expectedStatus) {
		element().findElement(testId(button)).click();
		waitFor((driver) -> {
			try {
				return expectedStatus.equals(cell("key-status"));
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return false;
			}
		});
		return this;
	}

	private String cell(String testId) {
		return element().findElement(testId(testId)).getText();
	}

	private WebElement element() {
		return this.driver.findElement(By.id("key-" + this.id));
	}

}
