package dev.latchkey.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** The page an emailed invitation opens: the invitee chooses its password, twice. */
public final class AcceptInvitationPage extends Page {

	AcceptInvitationPage(WebDriver driver) {
		super(driver);
	}

	/** Opens the link from the email, as clicking it in a mail program would. */
	public static AcceptInvitationPage openLink(WebDriver driver, String link) {
		driver.get(link);
		return at(new AcceptInvitationPage(driver));
	}

	@Override
	public void assertAt() {
		assertThat(this.driver.getTitle()).startsWith("Accept your invitation");
	}

	public String email() {
		return this.driver.findElement(testId("invitation-email")).getText();
	}

	public LoginPage choose(String password) {
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.id("confirmation")).sendKeys(password);
		clickAndAwaitNewPage(By.cssSelector("button[type='submit']"));
		return at(new LoginPage(this.driver));
	}

}
