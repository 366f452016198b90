package dev.latchkey.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** Change expiration: the same choices as on create, counted from now. */
public final class ChangeExpirationDialog extends Page {

	ChangeExpirationDialog(WebDriver driver) {
		super(driver);
	}

	@Override
	public void assertAt() {
		visible(testId("expiration-submit"));
	}

	public ChangeExpirationDialog expiration(String label) {
		new Select(this.driver.findElement(testId("change-expiration"))).selectByVisibleText(label);
		return this;
	}

	/** Changed from the list: the dialog closes, the row shows the new expiration and a toast says so. */
	public ApiCredentialsPage change() {
		this.driver.findElement(testId("expiration-submit")).click();
		// done once the new row is in and the keyboard is on its ⋯ button
		waitFor((driver) -> driver.findElements(By.cssSelector("dialog[open]")).isEmpty()
				&& "key-menu-button".equals(focused()));
		return at(new ApiCredentialsPage(this.driver));
	}

}
