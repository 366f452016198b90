package dev.latchkey.reminder;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.CreatedApiKey;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.DashboardClient.Response;
import dev.latchkey.support.MutableClock;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.tenant.Tenant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reminder as a user receives it: over SMTP (GreenMail, on a port of its own so a test can take it down), once,
 * also when the mail server was down at first; and the member's own switch in Settings → Account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "latchkey.reminders.enabled=false", "latchkey.base-url=https://latchkey.example.test",
				"latchkey.mail.first-retry-delay=PT0.2S", "latchkey.mail.poll-interval=PT0.2S" })
@Import(TestClockConfiguration.class)
class ExpiryReminderEmailTest {

	private static final String PASSWORD = "correct horse battery staple";

	private static final int SMTP_PORT = freePort();

	private static GreenMail smtp;

	@LocalServerPort
	int port;

	@Autowired
	ExpiryReminders reminders;

	@Autowired
	ApiKeyService keys;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	private Tenant tenant;

	private User ada;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeEach
	void member() {
		this.clock.set(Instant.now());
		this.tenant = this.accounts.tenant("Reminder mail " + UUID.randomUUID(), false);
		this.ada = this.accounts.member(this.tenant, "ada-" + UUID.randomUUID() + "@example.test", "Ada", PASSWORD,
				Role.DEVELOPER);
	}

	@AfterAll
	static void stopSmtp() {
		stopServer();
	}

	@Test
	void aKeyExpiringInSevenDaysIsRemindedOnceByEmail() throws Exception {
		startServer();
		CreatedApiKey key = key("Payments webhook", Duration.ofDays(7));

		this.reminders.check();
		await(() -> received(this.ada).size() == 1);
		this.reminders.check();
		this.clock.advance(Duration.ofHours(1));
		this.reminders.check();
		Thread.sleep(1_000);

		List<MimeMessage> mails = received(this.ada);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("Your API key \u201cPayments webhook\u201d expires soon");
		assertThat(body(mails.get(0))).contains("Payments webhook", "within 7 days",
				"https://latchkey.example.test/settings/api-credentials/" + key.key().publicId());
	}

	@Test
	void aReminderWhileTheMailServerIsDownArrivesOnceItIsBack() throws Exception {
		stopServer();
		key("Nightly backup", Duration.ofDays(6));

		this.reminders.check();
		await(() -> this.jdbc.sql("select count(*) from mail_outbox where recipient = ? and attempts = 1 "
				+ "and last_error is not null")
			.param(this.ada.email())
			.query(Integer.class)
			.single() == 1);
		this.reminders.check();
		startServer();
		this.clock.advance(Duration.ofMinutes(1));

		await(() -> received(this.ada).size() == 1);
		this.reminders.check();
		Thread.sleep(1_000);
		assertThat(received(this.ada)).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where recipient = ?")
			.param(this.ada.email())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aMemberTurnsRemindersOffAndOnInSettings() {
		DashboardClient browser = new DashboardClient(this.port);
		assertThat(browser.signIn(this.ada.email(), PASSWORD).location()).endsWith("/settings/api-credentials");
		Response page = browser.get("/settings/account");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Email me before my API keys expire").containsPattern("name=\"expiryReminders\"[^>]*checked");

		Response saved = browser.post("/settings/account/reminders", Map.of());
		assertThat(saved.location()).endsWith("/settings/account?remindersSaved#reminders");
		assertThat(browser.get("/settings/account?remindersSaved").body()).contains("Saved.")
			.doesNotContainPattern("name=\"expiryReminders\"[^>]*checked");
		key("Unwanted", Duration.ofDays(1));
		this.reminders.check();
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where recipient = ?")
			.param(this.ada.email())
			.query(Integer.class)
			.single()).isZero();

		browser.get("/settings/account");
		browser.post("/settings/account/reminders", Map.of("expiryReminders", "true"));
		assertThat(browser.get("/settings/account").body()).containsPattern("name=\"expiryReminders\"[^>]*checked");
	}

	@Test
	void theSwitchNeedsASignedInMemberAndACsrfToken() {
		Response anonymous = new DashboardClient(this.port).get("/settings/account/reminders");
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.location()).endsWith("/login");

		DashboardClient browser = new DashboardClient(this.port);
		browser.signIn(this.ada.email(), PASSWORD);
		Response forged = browser.postWithoutCsrf("/settings/account/reminders", Map.of(), Map.of());
		assertThat(forged.status()).isEqualTo(403);
		assertThat(browser.get("/settings/account").body()).containsPattern("name=\"expiryReminders\"[^>]*checked");
	}

	private CreatedApiKey key(String name, Duration left) {
		return this.keys.create(Actor.user(this.tenant.id(), this.ada.id(), "127.0.0.1"),
				new NewApiKey(name, this.clock.instant().plus(left), null));
	}

	private static synchronized void startServer() {
		if (smtp == null) {
			smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			smtp.start();
		}
	}

	private static synchronized void stopServer() {
		if (smtp != null) {
			smtp.stop();
			smtp = null;
		}
	}

	private static List<MimeMessage> received(User user) {
		GreenMail server = smtp;
		if (server == null) {
			return List.of();
		}
		return List.of(server.getReceivedMessages()).stream().filter((message) -> {
			try {
				Address[] to = message.getAllRecipients();
				return to != null && List.of(to).stream().anyMatch((address) -> address.toString().equals(user.email()));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** The plain-text part, decoded. */
	private static String body(jakarta.mail.Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(body(multipart.getBodyPart(i)));
			}
			return text.toString();
		}
		return "";
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(condition.getAsBoolean()).isTrue();
	}

}
