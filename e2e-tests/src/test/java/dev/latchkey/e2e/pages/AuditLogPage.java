package dev.latchkey.e2e.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings → Audit log, at /settings/audit-log. */
public final class AuditLogPage extends Page {

	AuditLogPage(WebDriver driver) {
		super(driver);
	}

	/** Follows the sidebar's "Audit log" from any signed-in page. */
	public static AuditLogPage fromSidebar(WebDriver driver) {
		AuditLogPage page = new AuditLogPage(driver);
		page.clickAndAwaitNewPage(testId("nav-audit-log"));
		return at(page);
	}

	@Override
	public void assertAt() {
		waitFor(ExpectedConditions.titleContains("Audit log")::apply);
		assertThat(this.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Audit log");
	}

	/** Chooses an action in the filter and applies it (a page load). */
	public AuditLogPage filterByAction(String action) {
		new Select(this.driver.findElement(testId("filter-action"))).selectByValue(action);
		clickAndAwaitNewPage(testId("apply-filters"));
		return at(new AuditLogPage(this.driver));
	}

	public List<Event> events() {
		return this.driver.findElements(testId("audit-row")).stream().map(Event::of).toList();
	}

	/** Where Export CSV leads, with the filters shown. */
	public String exportUrl() {
		return this.driver.findElement(testId("export-csv")).getDomProperty("href");
	}

	/** One row: what the page shows in the Time, Actor, Action, Target and IP address columns. */
	public record Event(String time, String actor, String action, String target, String ip) {

		static Event of(WebElement row) {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			return new Event(cells.get(0).getText(), cells.get(1).getText(), cells.get(2).getText(),
					cells.get(3).getText(), cells.get(4).getText());
		}

	}

}
