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

	/**
	 * Deleted. From the list the dialog closes and the list reloads without the key; from the detail view the
	 * browser goes to the list.
	 */
	public ApiCredentialsPage confirm() {
		boolean fromList = this.driver.getCurrentUrl().matches(".*/settings/api-credentials/?(\\?.*)?$");
		if (!fromList) {
			clickAndAwaitNewPage(testId("confirm-delete"));
			return at(new ApiCredentialsPage(this.driver));
		}
		this.driver.findElement(testId("confirm-delete")).click();
		// done once the list has reloaded and the keyboard is on the next row's ⋯ button (or the heading)
		waitFor((driver) -> driver.findElements(By.cssSelector("dialog[open]")).isEmpty()
				&& ("key-menu-button".equals(focused())
						|| "h1".equals(driver.switchTo().activeElement().getTagName())));
		return at(new ApiCredentialsPage(this.driver));
	}

}
