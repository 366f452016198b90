package dev.latchkey.e2e.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings → Members. */
public final class MembersPage extends Page {

	MembersPage(WebDriver driver) {
		super(driver);
	}

	@Override
	public void assertAt() {
		waitFor(ExpectedConditions.titleContains("Members")::apply);
		assertThat(this.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Members");
	}

	public boolean offersInvite() {
		return !this.driver.findElements(testId("invite-member")).isEmpty();
	}

	/** Whether any member's actions (change role, disable, remove) are offered. */
	public boolean offersMemberActions() {
		return !this.driver.findElements(testId("change-role")).isEmpty()
				|| !this.driver.findElements(testId("disable")).isEmpty()
				|| !this.driver.findElements(testId("remove")).isEmpty();
	}

	public List<String> emails() {
		return this.driver.findElements(testId("member-email")).stream().map(WebElement::getText).toList();
	}

	public String status(String email) {
		return row(email).findElement(testId("member-status")).getText();
	}

	/** Invites a member: email, name and a role as offered (Admin, Developer, Viewer). */
	public MembersPage invite(String email, String name, String role) {
		this.driver.findElement(testId("invite-member")).click();
		visible(By.cssSelector("dialog#invite-member-dialog[open]"));
		this.driver.findElement(By.id("member-email")).sendKeys(email);
		this.driver.findElement(By.id("member-name")).sendKeys(name);
		new Select(this.driver.findElement(By.id("member-role"))).selectByVisibleText(role);
		clickAndAwaitNewPage(testId("invite-submit"));
		return at(new MembersPage(this.driver));
	}

	/** Disables a member from its confirmation, which says how many active keys it created. */
	public MembersPage disable(String email, boolean alsoDeactivateKeys) {
		row(email).findElement(testId("disable")).click();
		visible(By.cssSelector("dialog#member-dialog[open]"));
		if (alsoDeactivateKeys) {
			this.driver.findElement(testId("deactivate-keys")).click();
		}
		clickAndAwaitNewPage(testId("confirm-member-action"));
		return at(new MembersPage(this.driver));
	}

	public LoginPage signOut() {
		clickAndAwaitNewPage(testId("sign-out"));
		return at(new LoginPage(this.driver));
	}

	public String notice() {
		return this.driver.findElement(testId("notice")).getText();
	}

	private WebElement row(String email) {
		return this.driver.findElements(testId("member-row"))
			.stream()
			.filter((row) -> row.findElement(testId("member-email")).getText().equals(email))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No row for the member " + email));
	}

}
