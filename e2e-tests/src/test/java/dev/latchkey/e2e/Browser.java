package dev.latchkey.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium per test class, and on a failing test a screenshot and the page source under
 * {@code target/e2e-failures/}. Debian's chromium and chromedriver are used when present (Selenium Manager cannot
 * download anything here); elsewhere Selenium Manager looks for a local Chrome. Without any browser the suite fails
 * and says what to install: it never skips.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler {

	static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path DEBIAN_CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path FAILURES = Path.of("target", "e2e-failures");

	private WebDriver driver;

	public WebDriver driver() {
		if (this.driver == null) {
			throw new IllegalStateException("The browser starts before the test class's tests run");
		}
		return this.driver;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.driver = start();
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
	}

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
		try {
			Files.createDirectories(FAILURES);
			File screenshot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
			Files.copy(screenshot.toPath(), FAILURES.resolve(name + ".png"),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			Files.writeString(FAILURES.resolve(name + ".html"), this.driver.getPageSource(), StandardCharsets.UTF_8);
			failure.addSuppressed(new Exception("Screenshot and page source saved to " + FAILURES.toAbsolutePath()
					+ File.separator + name + ".{png,html}"));
		}
		catch (IOException | WebDriverException ex) {
			failure.addSuppressed(ex);
		}
		throw failure;
	}

	private static WebDriver start() {
		ChromeOptions options = new ChromeOptions();
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,900");
		if (Files.isExecutable(DEBIAN_CHROMIUM)) {
			if (!Files.isExecutable(DEBIAN_CHROMEDRIVER)) {
				throw new IllegalStateException(
						"Found " + DEBIAN_CHROMIUM + " but not " + DEBIAN_CHROMEDRIVER + ": apt-get install chromium-driver");
			}
			options.setBinary(DEBIAN_CHROMIUM.toFile());
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(DEBIAN_CHROMEDRIVER.toFile())
				.build();
			return new ChromeDriver(service, options);
		}
		try {
			return new ChromeDriver(options);
		}
		catch (WebDriverException ex) {
			throw new IllegalStateException("The Selenium acceptance suite needs a Chrome or Chromium browser and its "
					+ "driver. On Debian or Ubuntu: apt-get install chromium chromium-driver; elsewhere install "
					+ "Google Chrome (Selenium Manager then finds it).", ex);
		}
	}

}
