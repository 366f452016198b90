package dev.latchkey.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** "Forgot password?" at /forgot-password: the Email form, and after it the one answer for every address. */
public final class ForgotPasswordPage extends Page {

	ForgotPasswordPage(WebDriver driver) {
		super(driver);
	}

	@Override
	public void assertAt() {
		assertThat(this.driver.getTitle()).startsWith("Forgot password");
		assertThat(this.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Forgot password");
	}

	public ForgotPasswordPage requestLinkFor(String email) {
		WebElement form = this.driver.findElement(By.tagName("form"));
		this.driver.findElement(By.id("email")).sendKeys(email);
		this.driver.findElement(By.cssSelector("button[type='submit']")).click();
		awaitGone(form);
		return at(new ForgotPasswordPage(this.driver));
	}

	public String answer() {
		return visible(testId("reset-link-sent")).findElement(By.cssSelector(".alert")).getText();
	}

}
