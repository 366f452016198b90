package dev.latchkey.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** Operator → Tenants → Create tenant. */
public final class CreateTenantDialog extends Page {

	CreateTenantDialog(WebDriver driver) {
		super(driver);
	}

	@Override
	public void assertAt() {
		WebElement dialog = visible(By.cssSelector("dialog#create-tenant-dialog[open]"));
		assertThat(dialog.findElement(By.tagName("h2")).getText()).isEqualTo("Create tenant");
	}

	public OperatorTenantsPage create(String name, String adminEmail, String adminName) {
		type("tenant-name", name);
		type("admin-email", adminEmail);
		type("admin-name", adminName);
		clickAndAwaitNewPage(testId("create-tenant-submit"));
		return at(new OperatorTenantsPage(this.driver));
	}

	private void type(String id, String text) {
		WebElement field = this.driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

}
