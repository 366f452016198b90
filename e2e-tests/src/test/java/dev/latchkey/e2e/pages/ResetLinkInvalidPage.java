package dev.latchkey.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** What an unknown, used or expired reset link shows. */
public final class ResetLinkInvalidPage extends Page {

	ResetLinkInvalidPage(WebDriver driver) {
		super(driver);
	}

	@Override
	public void assertAt() {
		assertThat(this.driver.getTitle()).startsWith("Reset link invalid");
		assertThat(this.driver.findElement(testId("reset-link-invalid")).isDisplayed()).isTrue();
	}

	public String message() {
		return this.driver.findElement(By.cssSelector("[role='alert']")).getText();
	}

	public ForgotPasswordPage requestNewLink() {
		var heading = this.driver.findElement(By.tagName("h1"));
		this.driver.findElement(By.linkText("Request a new link")).click();
		awaitGone(heading);
		return at(new ForgotPasswordPage(this.driver));
	}

}
