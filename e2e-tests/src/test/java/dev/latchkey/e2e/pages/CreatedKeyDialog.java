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

	public String warning() {
		return this.driver.findElement(testId("token-warning")).getText();
	}

	public ApiCredentialsPage done() {
		this.driver.findElement(testId("done")).click();
		waitFor((driver) -> driver.findElements(By.cssSelector("dialog[open]")).isEmpty());
		return at(new ApiCredentialsPage(this.driver));
	}

}
