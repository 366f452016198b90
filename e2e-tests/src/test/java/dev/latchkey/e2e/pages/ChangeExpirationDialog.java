package dev.latchkey.e2e.pages;

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

	public ApiCredentialsPage change() {
		clickAndAwaitNewPage(testId("expiration-submit"));
		return at(new ApiCredentialsPage(this.driver));
	}

}
