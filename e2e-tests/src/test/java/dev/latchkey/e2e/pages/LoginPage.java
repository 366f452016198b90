package dev.latchkey.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in form at /login. */
public final class LoginPage extends Page {

	LoginPage(WebDriver driver) {
		super(driver);
	}

	public static LoginPage open(WebDriver driver, String baseUrl) {
		driver.get(baseUrl + "/login");
		return at(new LoginPage(driver));
	}

	@Override
	public void assertAt() {
		waitFor(ExpectedConditions.titleContains("Sign in")::apply);
		assertThat(this.driver.getTitle()).startsWith("Sign in");
		assertThat(this.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
	}

	public ApiCredentialsPage signIn(String email, String password) {
		submit(email, password);
		return at(new ApiCredentialsPage(this.driver));
	}

	public LoginPage signInExpectingFailure(String email, String password) {
		submit(email, password);
		return at(new LoginPage(this.driver));
	}

	/** The browser's back button: signed out, whatever page it returns to must send the browser here. */
	public LoginPage back() {
		var before = this.driver.findElement(By.tagName("html"));
		this.driver.navigate().back();
		awaitGone(before);
		return at(new LoginPage(this.driver));
	}

	/** Opens a dashboard address while signed out, which must lead here. */
	public LoginPage signedOutVisit(String url) {
		this.driver.get(url);
		return at(new LoginPage(this.driver));
	}

	public String error() {
		return this.driver.findElement(testId("login-error")).getText();
	}

	public String email() {
		return this.driver.findElement(By.id("email")).getDomProperty("value");
	}

	public String password() {
		return this.driver.findElement(By.id("password")).getDomProperty("value");
	}

	public boolean offersPasswordReset() {
		return this.driver.findElement(By.linkText("Forgot password?")).getDomAttribute("href").equals("/forgot-password");
	}

	/** Follows "Forgot password?". */
	public ForgotPasswordPage forgotPassword() {
		var heading = this.driver.findElement(By.tagName("h1"));
		this.driver.findElement(By.linkText("Forgot password?")).click();
		awaitGone(heading);
		return at(new ForgotPasswordPage(this.driver));
	}

	/** The message shown after an invitation was accepted. */
	public String invitationAcceptedMessage() {
		return this.driver.findElement(testId("invitation-accepted")).getText();
	}

	/** The message shown after a password reset, if any. */
	public String passwordResetMessage() {
		return this.driver.findElement(testId("password-reset-done")).getText();
	}

	private void submit(String email, String password) {
		var emailField = this.driver.findElement(By.id("email"));
		emailField.clear();
		emailField.sendKeys(email);
		this.driver.findElement(By.id("password")).sendKeys(password);
		var before = this.driver.findElement(By.tagName("html"));
		this.driver.findElement(By.cssSelector("button[type='submit']")).click();
		// The answer is another page load, possibly of this same page: wait until the old one is gone.
		awaitGone(before);
	}

}
