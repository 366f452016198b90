package dev.latchkey.e2e;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.support.TestAccounts;
import dev.latchkey.account.User;
import dev.latchkey.e2e.pages.ForgotPasswordPage;
import dev.latchkey.e2e.pages.LoginPage;
import dev.latchkey.e2e.pages.ResetLinkInvalidPage;
import dev.latchkey.e2e.pages.ResetPasswordPage;
import dev.latchkey.support.TestSmtpServer;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Forgot password?" told in a real browser, with the email read from a real SMTP server (GreenMail). Emailed links
 * point at the configured public address; the test opens them on the test server's port instead, as DNS would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:e2e-reset;DB_CLOSE_DELAY=-1",
				"latchkey.base-url=" + PasswordResetIT.PUBLIC_URL })
@Import(TestAccounts.class)
class PasswordResetIT {

	static final String PUBLIC_URL = "https://latchkey.e2e.test";

	private static final String OLD_PASSWORD = "the password I forgot, sadly";

	private static final String NEW_PASSWORD = "a new passphrase I will remember";

	private static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC_URL) + "(/reset-password\\?token=[A-Za-z0-9_-]+)");

	@RegisterExtension
	static final Browser browser = new Browser();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		TestSmtpServer.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	WebDriver driver;

	String baseUrl;

	User grace;

	@BeforeEach
	void signedOutBrowserAndAnAccount() {
		this.driver = browser.driver();
		this.baseUrl = "http://127.0.0.1:" + this.port;
		this.driver.get(this.baseUrl + "/login");
		this.driver.manage().deleteAllCookies();
		Tenant tenant = this.accounts.tenant("Reset story " + System.nanoTime(), false);
		this.grace = this.accounts.admin(tenant, "grace-" + System.nanoTime() + "@example.test", "Grace",
				OLD_PASSWORD);
	}

	@Test
	void aForgottenPasswordIsResetThroughTheEmailedLinkAndTheOldOneStopsWorking() {
		ForgotPasswordPage answered = LoginPage.open(this.driver, this.baseUrl)
			.forgotPassword()
			.requestLinkFor(this.grace.email());
		assertThat(answered.answer())
			.isEqualTo("If an account exists for that address, we've sent a link to reset the password.");

		String link = emailedLink();
		ResetPasswordPage reset = ResetPasswordPage.openLink(this.driver, link);
		assertThat(reset.currentUrl()).as("the token leaves the address bar").endsWith("/reset-password");

		reset = reset.chooseExpectingErrors("too short", "too short");
		assertThat(reset.errors("password")).containsExactly("Use at least 15 characters (this has 9).");
		assertThat(reset.marksInvalid("password")).isTrue();
		assertThat(reset.typedValue("password")).as("a refused password is not sent back").isEmpty();

		LoginPage login = reset.choose(NEW_PASSWORD, NEW_PASSWORD);
		assertThat(login.passwordResetMessage())
			.isEqualTo("Your password has been changed. Sign in with your new password.");
		login.signIn(this.grace.email(), NEW_PASSWORD);
		this.driver.manage().deleteAllCookies();

		LoginPage refused = LoginPage.open(this.driver, this.baseUrl).signInExpectingFailure(this.grace.email(),
				OLD_PASSWORD);
		assertThat(refused.error()).isEqualTo("Invalid email or password");
	}

	@Test
	void aUsedLinkShowsTheInvalidLinkPageWithAWayToAskForANewOne() {
		LoginPage.open(this.driver, this.baseUrl).forgotPassword().requestLinkFor(this.grace.email());
		String link = emailedLink();
		ResetPasswordPage.openLink(this.driver, link).choose(NEW_PASSWORD, NEW_PASSWORD);

		ResetLinkInvalidPage invalid = ResetPasswordPage.openUnusableLink(this.driver, link);

		assertThat(invalid.message())
			.isEqualTo("This password reset link is invalid, has already been used, or has expired.");
		invalid.requestNewLink();
	}

	@Test
	void mismatchedPasswordsAreShownNextToTheSecondField() {
		LoginPage.open(this.driver, this.baseUrl).forgotPassword().requestLinkFor(this.grace.email());

		ResetPasswordPage reset = ResetPasswordPage.openLink(this.driver, emailedLink())
			.chooseExpectingErrors(NEW_PASSWORD, NEW_PASSWORD + " typo");

		assertThat(reset.errors("password")).isEmpty();
		assertThat(reset.errors("confirmation")).containsExactly("The two passwords do not match.");
		assertThat(reset.marksInvalid("confirmation")).isTrue();
	}

	/** The link of the reset email to Grace (each test asks for one), on the test server. */
	private String emailedLink() {
		String email = TestSmtpServer.awaitEmails(this.grace.email(), 1).get(0).text();
		Matcher link = LINK.matcher(email);
		assertThat(link.find()).isTrue();
		return this.baseUrl + link.group(1);
	}

}
