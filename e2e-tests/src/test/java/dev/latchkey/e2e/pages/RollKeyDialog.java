package dev.latchkey.e2e.pages;

import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** Roll key: when the old key should stop working, then the new key's token, shown once. */
public final class RollKeyDialog extends Page {

	RollKeyDialog(WebDriver driver) {
		super(driver);
	}

	@Override
	public void assertAt() {
		visible(testId("roll-submit"));
		assertThat(this.driver.findElement(testId("grace-now")).isDisplayed()).isTrue();
	}

	/** @param value now, 1h, 24h or 7d (Now, In 1 hour, In 24 hours, In 7 days) */
	public RollKeyDialog oldKeyStops(String value) {
		this.driver.findElement(testId("grace-" + value)).click();
		return this;
	}

	public CreatedKeyDialog roll() {
		this.driver.findElement(testId("roll-submit")).click();
		return at(new CreatedKeyDialog(this.driver));
	}

}
