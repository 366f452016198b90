package dev.latchkey.e2e.pages;

import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every page object shares: the browser, and waiting for what htmx swaps in. */
abstract class Page {

	final WebDriver driver;

	Page(WebDriver driver) {
		this.driver = driver;
	}

	/** Fails unless the browser shows this page. */
	public abstract void assertAt();

	/** The page an action leads to, once the browser shows it. */
	static <P extends Page> P at(P page) {
		page.assertAt();
		return page;
	}

	public String pageSource() {
		return this.driver.getPageSource();
	}

	/**
	 * Polls the condition for up to 10 s. An element the condition read that htmx has meanwhile swapped out (a
	 * stale reference) means the page is still changing: it polls again rather than failing.
	 */
	<T> T waitFor(Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(condition::apply);
	}

	WebElement visible(By locator) {
		return waitFor(ExpectedConditions.visibilityOfElementLocated(locator)::apply);
	}

	/** Clicks something that loads a page, perhaps this same one again, and waits until the old one is gone. */
	void clickAndAwaitNewPage(By locator) {
		WebElement before = this.driver.findElement(By.tagName("html"));
		this.driver.findElement(locator).click();
		awaitGone(before);
	}

	/**
	 * Waits until an element of the old page is gone. Selenium's stalenessOf knows only the stale-element error;
	 * while a navigation is under way Chrome may instead answer that the node "does not belong to the document",
	 * which means the same.
	 */
	void awaitGone(WebElement element) {
		waitFor((driver) -> isGone(element));
	}

	private static boolean isGone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
		catch (WebDriverException ex) {
			String message = ex.getMessage();
			if (message != null && message.contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	/**
	 * The newest message in the layout's aria-live region (#toasts), where every action confirms itself, once one
	 * containing {@code expected} is there.
	 */
	public String toast(String expected) {
		return waitFor((driver) -> {
			WebElement region = driver.findElement(By.id("toasts"));
			if (!"polite".equals(region.getDomAttribute("aria-live"))) {
				throw new AssertionError("#toasts is not an aria-live region");
			}
			return region.findElements(testId("toast"))
				.stream()
				.map((toast) -> toast.findElement(By.cssSelector(".toast-message")).getText())
				.filter((text) -> text.contains(expected))
				.reduce((first, second) -> second)
				.orElse(null);
		});
	}

	/** The data-testid (or else the id) of the element the keyboard is on. */
	public String focused() {
		WebElement focused = this.driver.switchTo().activeElement();
		String testId = focused.getDomAttribute("data-testid");
		return (testId != null) ? testId : focused.getDomAttribute("id");
	}

	static By testId(String id) {
		return By.cssSelector("[data-testid='" + id + "']");
	}

}
