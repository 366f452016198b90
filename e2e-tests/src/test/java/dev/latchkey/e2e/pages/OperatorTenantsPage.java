package dev.latchkey.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** Operator → Tenants. */
public final class OperatorTenantsPage extends Page {

	OperatorTenantsPage(WebDriver driver) {
		super(driver);
	}

	@Override
	public void assertAt() {
		waitFor(ExpectedConditions.titleContains("Tenants")::apply);
		assertThat(this.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Tenants");
	}

	public CreateTenantDialog createTenant() {
		this.driver.findElement(testId("create-tenant")).click();
		CreateTenantDialog dialog = new CreateTenantDialog(this.driver);
		dialog.assertAt();
		return dialog;
	}

	public String notice() {
		return this.driver.findElement(testId("notice")).getText();
	}

	/** @param column {@code production}, {@code status}, {@code members} or {@code active-keys} */
	public String cell(String tenant, String column) {
		return row(tenant).findElement(testId("tenant-" + column)).getText();
	}

	/**
	 * Opens an action's confirmation and confirms it.
	 * @param action {@code grant-production}, {@code revoke-production}, {@code suspend} or {@code resume}
	 */
	public OperatorTenantsPage confirm(String tenant, String action) {
		row(tenant).findElement(testId(action)).click();
		visible(By.cssSelector("dialog#tenant-dialog[open]"));
		clickAndAwaitNewPage(testId("confirm-tenant-action"));
		return at(new OperatorTenantsPage(this.driver));
	}

	private WebElement row(String tenant) {
		return this.driver.findElements(testId("tenant-row"))
			.stream()
			.filter((row) -> row.findElement(testId("tenant-name")).getText().equals(tenant))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No row for the tenant " + tenant));
	}

}
