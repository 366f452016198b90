package dev.latchkey.e2e.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** The page an emailed reset link opens: the new password, twice. */
public final class ResetPasswordPage extends Page {

	ResetPasswordPage(WebDriver driver) {
		super(driver);
	}

	/** Opens the link from the email, as clicking it in a mail program would. */
	public static ResetPasswordPage openLink(WebDriver driver, String link) {
		driver.get(link);
		return at(new ResetPasswordPage(driver));
	}

	/** Opens a link that no longer works. */
	public static ResetLinkInvalidPage openUnusableLink(WebDriver driver, String link) {
		driver.get(link);
		return at(new ResetLinkInvalidPage(driver));
	}

	@Override
	public void assertAt() {
		assertThat(this.driver.getTitle()).startsWith("Choose a new password");
		assertThat(this.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Choose a new password");
	}

	public String currentUrl() {
		return this.driver.getCurrentUrl();
	}

	public LoginPage choose(String password, String again) {
		submit(password, again);
		return at(new LoginPage(this.driver));
	}

	public ResetPasswordPage chooseExpectingErrors(String password, String again) {
		submit(password, again);
		return at(new ResetPasswordPage(this.driver));
	}

	/** @param field {@code password} or {@code confirmation} */
	public List<String> errors(String field) {
		return this.driver.findElement(testId(field + "-errors"))
			.findElements(By.cssSelector(".field-error"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	public boolean marksInvalid(String field) {
		return "true".equals(this.driver.findElement(By.id(field)).getDomAttribute("aria-invalid"));
	}

	public String typedValue(String field) {
		return this.driver.findElement(By.id(field)).getDomProperty("value");
	}

	/** Submits and waits until the next page replaced this one (the click may return before it loads). */
	private void submit(String password, String again) {
		WebElement form = this.driver.findElement(By.tagName("form"));
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.id("confirmation")).sendKeys(again);
		this.driver.findElement(By.cssSelector("button[type='submit']")).click();
		awaitGone(form);
	}

}
