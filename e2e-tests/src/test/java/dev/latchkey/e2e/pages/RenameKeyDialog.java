package dev.latchkey.e2e.pages;

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

	/** Renamed, the page it was opened on loads again with a notice. */
	public ApiCredentialsPage rename() {
		clickAndAwaitNewPage(testId("rename-submit"));
		return at(new ApiCredentialsPage(this.driver));
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
