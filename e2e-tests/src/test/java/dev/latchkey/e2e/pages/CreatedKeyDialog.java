package dev.latchkey.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** The create dialog once the key exists: the one time its token is shown. */
public final class CreatedKeyDialog extends Page {

	CreatedKeyDialog(WebDriver driver) {
		super(driver);
	}

	@Override
	public void assertAt() {
		visible(testId("created-key"));
		assertThat(this.driver.findElement(testId("copy-token")).getText()).isEqualTo("Copy");
	}

	public String token() {
		return this.driver.findElement(testId("new-token")).getDomProperty("value");
	}

	public boolean tokenIsReadOnly() {
		return this.driver.findElement(testId("new-token")).getDomAttribute("readonly") != null;
	}

	/** The dialog's heading: "Save your API key". */
	public String title() {
		return this.driver.findElement(testId("token-dialog-title")).getText();
	}

	/** The ready curl line that calls the API with the new key. */
	public String curl() {
		return this.driver.findElement(testId("curl")).getDomProperty("value");
	}

	/** Presses Copy next to the token; returns the button's label afterwards ("Copied"). */
	public String copyToken() {
		this.driver.findElement(testId("copy-token")).click();
		waitFor((driver) -> !"Copy".equals(driver.findElement(testId("copy-token")).getText()));
		return this.driver.findElement(testId("copy-token")).getText();
	}

	public String warning() {
		return this.driver.findElement(testId("token-warning")).getText();
	}

	public ApiCredentialsPage done() {
		this.driver.findElement(testId("done")).click();
		waitFor((driver) -> driver.findElements(By.cssSelector("dialog[open]")).isEmpty());
		return at(new ApiCredentialsPage(this.driver));
	}

}
