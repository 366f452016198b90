package dev.latchkey.e2e;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.e2e.pages.ApiCredentialsPage;
import dev.latchkey.e2e.pages.KeyDetailPage;
import dev.latchkey.e2e.pages.LoginPage;
import dev.latchkey.support.TestSmtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key made in the browser to expire in 7 days: its creator gets one reminder email (GreenMail), however many
 * checks run, and its link opens the key's detail view, whose history shows the reminder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:e2e-reminders;DB_CLOSE_DELAY=-1",
				"latchkey.bootstrap.tenant=Reminder Robotics", "latchkey.bootstrap.admin-email=" + ExpiryReminderIT.ADMIN,
				"latchkey.bootstrap.admin-name=Rita Reminded",
				"latchkey.bootstrap.admin-password=" + ExpiryReminderIT.PASSWORD,
				"latchkey.base-url=" + ExpiryReminderIT.PUBLIC_URL, "latchkey.reminders.interval=PT0.5S",
				"latchkey.mail.poll-interval=PT0.5S" })
class ExpiryReminderIT {

	static final String ADMIN = "rita@reminders.e2e.test";

	static final String PASSWORD = "correct horse battery staple";

	static final String PUBLIC_URL = "https://latchkey.reminders.e2e.test";

	private static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC_URL) + "(/settings/api-credentials/[A-Za-z0-9_-]+)");

	@RegisterExtension
	static final Browser browser = new Browser();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		TestSmtpServer.register(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void aKeyExpiringInSevenDaysIsRemindedOnceByEmailWithALinkToIt() {
		WebDriver driver = browser.driver();
		String baseUrl = "http://127.0.0.1:" + this.port;
		ApiCredentialsPage credentials = LoginPage.open(driver, baseUrl)
			.signIn(ADMIN, PASSWORD)
			.openCreateDialog()
			.name("Weekly invoices")
			.expiration("7 days")
			.create()
			.done();
		assertThat(credentials.row("Weekly invoices").status()).isEqualTo("Active");

		TestSmtpServer.Received reminder = TestSmtpServer.awaitEmails(ADMIN, 1).get(0);
		assertThat(reminder.subject()).isEqualTo("Your API key \u201cWeekly invoices\u201d expires soon");
		assertThat(reminder.text()).contains("within 7 days");
		TestSmtpServer.sleep(3_000);
		assertThat(TestSmtpServer.to(ADMIN)).as("one reminder, whatever the number of checks").hasSize(1);

		Matcher link = LINK.matcher(reminder.text());
		assertThat(link.find()).isTrue();
		KeyDetailPage detail = KeyDetailPage.open(driver, baseUrl + link.group(1));
		assertThat(detail.name()).isEqualTo("Weekly invoices");
		List<String> history = detail.history();
		assertThat(history).anyMatch((event) -> event.equalsIgnoreCase("reminder sent"));
	}

}
