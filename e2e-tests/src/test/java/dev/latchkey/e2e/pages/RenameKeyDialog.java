package dev.latchkey.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Rename: the key's new name, same rules as on create. */
public final class RenameKeyDialog extends Page {

	RenameKeyDialog(WebDriver driver) {
		super(driver);
	}

	@Override
	public void assertAt() {
		visible(testId("rename-name"));
	}

	public RenameKeyDialog name(String name) {
		var field = this.driver.findElement(testId("rename-name"));
		field.clear();
		field.sendKeys(name);
		return this;
	}

	/** Renamed from the list: the dialog closes, the row shows the new name and a toast says so. */
	public ApiCredentialsPage rename() {
		this.driver.findElement(testId("rename-submit")).click();
		// done once the new row is in and the keyboard is on its ⋯ button
		waitFor((driver) -> driver.findElements(By.cssSelector("dialog[open]")).isEmpty()
				&& "key-menu-button".equals(focused()));
		return at(new ApiCredentialsPage(this.driver));
	}

	/** Renamed from the detail view: the dialog closes, the view reloads in place with the keyboard on its heading. */
	public KeyDetailPage renameOnTheDetailView() {
		this.driver.findElement(testId("rename-submit")).click();
		waitFor((driver) -> driver.findElements(By.cssSelector("dialog[open]")).isEmpty()
				&& "h1".equals(driver.switchTo().activeElement().getTagName()));
		return at(new KeyDetailPage(this.driver));
	}

	public RenameKeyDialog renameExpectingError() {
		this.driver.findElement(testId("rename-submit")).click();
		visible(testId("error-name"));
		return this;
	}

	public String error() {
		return this.driver.findElement(testId("error-name")).getText();
	}

}
