package dev.latchkey.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** The confirmation before a key is deleted. */
public final class DeleteKeyDialog extends Page {

	DeleteKeyDialog(WebDriver driver) {
		super(driver);
	}

	@Override
	public void assertAt() {
		visible(By.cssSelector("dialog#delete-key-dialog[open]"));
		assertThat(this.driver.findElement(By.id("delete-key-title")).getText()).isEqualTo("Delete API key");
	}

	public String message() {
		return this.driver.findElement(By.id("delete-key-description")).getText();
	}

	public ApiCredentialsPage confirm() {
		clickAndAwaitNewPage(testId("confirm-delete"));
		return at(new ApiCredentialsPage(this.driver));
	}

}
