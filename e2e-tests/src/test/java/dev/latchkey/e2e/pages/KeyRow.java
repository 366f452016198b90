package dev.latchkey.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One key's row in the API Credentials table, found again by its id after htmx swaps it. Its actions are behind its
 * ⋯ button: each action opens the menu and picks its item, as a user does.
 */
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
		choose("deactivate");
		waitFor(org.openqa.selenium.support.ui.ExpectedConditions.titleContains("Sign in")::apply);
		return at(new LoginPage(this.driver));
	}

	/** Whether the row offers Delete: only to whoever may delete the key. */
	public boolean offersDelete() {
		return offers("delete");
	}

	/** Whether the row's menu has this item (view, rename, change-expiration-button, roll, deactivate, ...). */
	public boolean offers(String item) {
		return !element().findElements(testId(item)).isEmpty();
	}

	/** Opens the ⋯ menu with the mouse. */
	public KeyRow openMenu() {
		WebElement button = menuButton();
		if (!"true".equals(button.getDomAttribute("aria-expanded"))) {
			button.click();
		}
		waitFor((driver) -> menu().isDisplayed());
		return this;
	}

	/** Puts the keyboard on the ⋯ button (as Tab would) and presses a key there. */
	public KeyRow pressOnMenuButton(CharSequence key) {
		((org.openqa.selenium.JavascriptExecutor) this.driver).executeScript("arguments[0].focus()", menuButton());
		menuButton().sendKeys(key);
		return this;
	}

	/** Presses a key wherever the keyboard is (in the open menu, say). */
	public KeyRow press(CharSequence key) {
		this.driver.switchTo().activeElement().sendKeys(key);
		return this;
	}

	public boolean menuIsOpen() {
		return menu().isDisplayed() && "true".equals(menuButton().getDomAttribute("aria-expanded"));
	}

	/** The menu's box in the window: x, y, width, height. */
	public org.openqa.selenium.Rectangle menuRect() {
		return menu().getRect();
	}

	/** The item names of the open menu, top to bottom. */
	public java.util.List<String> menuItems() {
		return menu().findElements(By.cssSelector("[role='menuitem']")).stream().map(WebElement::getText).toList();
	}

	public String menuButtonId() {
		return menuButton().getDomAttribute("id");
	}

	public DeleteKeyDialog delete() {
		choose("delete");
		DeleteKeyDialog dialog = new DeleteKeyDialog(this.driver);
		dialog.assertAt();
		return dialog;
	}

	public RollKeyDialog roll() {
		choose("roll");
		return at(new RollKeyDialog(this.driver));
	}

	public boolean offersRoll() {
		return offers("roll");
	}

	public RenameKeyDialog rename() {
		choose("rename");
		return at(new RenameKeyDialog(this.driver));
	}

	public ChangeExpirationDialog changeExpiration() {
		choose("change-expiration-button");
		return at(new ChangeExpirationDialog(this.driver));
	}

	public KeyDetailPage open() {
		element().findElement(testId("key-name")).click();
		return at(new KeyDetailPage(this.driver));
	}

	private KeyRow act(String button, String expectedStatus) {
		choose(button);
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

	private void choose(String item) {
		openMenu();
		menu().findElement(testId(item)).click();
	}

	private WebElement menuButton() {
		return element().findElement(testId("key-menu-button"));
	}

	private WebElement menu() {
		return element().findElement(testId("key-menu"));
	}

	private String cell(String testId) {
		return element().findElement(testId(testId)).getText();
	}

	private WebElement element() {
		return this.driver.findElement(By.id("key-" + this.id));
	}

}
