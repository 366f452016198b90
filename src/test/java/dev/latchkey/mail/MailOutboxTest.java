package dev.latchkey.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox on a real database (an H2 file, migrated by Flyway) and a real SMTP server (GreenMail). */
@ExtendWith(OutputCaptureExtension.class)
class MailOutboxTest {

	private static final String SECRET_LINK = "https://latchkey.example.test/reset-password?token=secret-token-value";

	private static final Email EMAIL = new Email("ada@example.com", "Reset your Latchkey password",
			"Open " + SECRET_LINK, "<a href=\"" + SECRET_LINK + "\">Reset</a>");

	@TempDir
	Path directory;

	private GreenMail smtp;

	@AfterEach
	void stop() {
		if (this.smtp != null) {
			this.smtp.stop();
		}
	}

	@Test
	void withoutAnSmtpHostEmailsGoToTheLogLinkIncluded(CapturedOutput output) {
		runner("mail-log").run((context) -> {
			assertThat(output.getAll()).contains("No SMTP server is configured (spring.mail.host)");
			context.getBean(Mailer.class).send(EMAIL);
			await(() -> output.getAll().contains("Email to ada@example.com, subject 'Reset your Latchkey password'"));
			assertThat(output.getAll()).contains(SECRET_LINK);
			await(() -> outbox(context) == 0);
		});
	}

	@Test
	void anEmailThatFailsIsRetriedWithBackOffAndArrivesOnce(CapturedOutput output) throws Exception {
		int port = freePort();
		runner("mail-retry", "spring.mail.host=127.0.0.1", "spring.mail.port=" + port,
				"latchkey.mail.first-retry-delay=PT0.4S")
			.run((context) -> {
				long start = System.nanoTime();
				context.getBean(Mailer.class).send(EMAIL);
				assertThat(Duration.ofNanos(System.nanoTime() - start)).as("send returns before delivery")
					.isLessThan(Duration.ofSeconds(2));
				await(() -> output.getAll().contains("attempt 1 of 4"));
				this.smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
				this.smtp.start();

				assertThat(this.smtp.waitForIncomingEmail(15_000, 1)).isTrue();
				MimeMessage received = this.smtp.getReceivedMessages()[0];
				assertThat(received.getSubject()).isEqualTo("Reset your Latchkey password");
				assertThat(received.getFrom()[0].toString()).isEqualTo("Latchkey <no-reply@latchkey.test>");
				await(() -> output.getAll().contains("Sent 'Reset your Latchkey password' to ada@example.com"));
				assertThat(outbox(context)).isZero();
				Thread.sleep(1_000);
				assertThat(this.smtp.getReceivedMessages()).as("no duplicate").hasSize(1);
				assertThat(output.getAll()).contains("Could not send 'Reset your Latchkey password' to ada@example.com")
					.doesNotContain("secret-token-value");
			});
	}

	@Test
	void aServerThatNeverAnswersIsGivenUpOnAfterTheLastAttemptAndTheBodyIsNotKept(CapturedOutput output)
			throws Exception {
		runner("mail-give-up", "spring.mail.host=127.0.0.1", "spring.mail.port=" + freePort(),
				"latchkey.mail.max-attempts=3", "latchkey.mail.first-retry-delay=PT0.05S")
			.run((context) -> {
				context.getBean(Mailer.class).send(EMAIL);

				await(() -> output.getAll()
					.contains("Gave up sending 'Reset your Latchkey password' to ada@example.com after 3 attempts"));
				assertThat(output.getAll()).contains("attempt 2 of 3").doesNotContain("secret-token-value");
				JdbcClient jdbc = context.getBean(JdbcClient.class);
				assertThat(jdbc.sql("select count(*) from mail_outbox where failed_at is not null and attempts = 3 "
						+ "and text_body is null and html_body is null").query(Integer.class).single()).isOne();
			});
	}

	@Test
	void anEmailGivenUpOnLongerAgoThanKeepGivenUpIsDeletedAndANewerOneKept(CapturedOutput output) throws Exception {
		String url = "jdbc:h2:file:" + this.directory.resolve("mail-purge").toAbsolutePath() + ";AUTO_SERVER=FALSE";
		// Rows given up 31 and 29 days ago, written before the dispatcher's first look at the outbox.
		runner("mail-purge", "latchkey.mail.keep-given-up=P30D").run((first) -> {
		});
		try (var connection = java.sql.DriverManager.getConnection(url, "sa", "")) {
			for (int days : new int[] { 31, 29 }) {
				try (var insert = connection.prepareStatement("insert into mail_outbox (recipient, subject, created_at, "
						+ "next_attempt_at, attempts, failed_at, last_error) values (?, 'Old', ?, ?, 4, ?, 'refused')")) {
					var at = java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(days)));
					insert.setString(1, "gave-up-" + days + "@example.com");
					insert.setTimestamp(2, at);
					insert.setTimestamp(3, at);
					insert.setTimestamp(4, at);
					insert.executeUpdate();
				}
			}
		}
		runner("mail-purge", "latchkey.mail.keep-given-up=P30D").run((context) -> {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			await(() -> output.getAll().contains("Deleted 1 emails given up on more than PT720H ago"));
			assertThat(jdbc.sql("select recipient from mail_outbox").query(String.class).list())
				.containsExactly("gave-up-29@example.com");
		});
	}

	@Test
	void anEmailOfARolledBackTransactionIsNeverSent(CapturedOutput output) {
		runner("mail-rollback").run((context) -> {
			TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
			transaction.executeWithoutResult((status) -> {
				context.getBean(Mailer.class).send(EMAIL);
				status.setRollbackOnly();
			});
			context.getBean(Mailer.class).send(new Email("bob@example.com", "Committed", "text", "<p>html</p>"));
			await(() -> output.getAll().contains("Email to bob@example.com"));
			assertThat(output.getAll()).doesNotContain("Email to ada@example.com");
			assertThat(outbox(context)).isZero();
		});
	}

	@Test
	void theOutboxSurvivesARestart() throws Exception {
		int port = freePort();
		ApplicationContextRunner runner = runner("mail-restart", "spring.mail.host=127.0.0.1",
				"spring.mail.port=" + port, "latchkey.mail.first-retry-delay=PT0.2S", "latchkey.mail.max-attempts=50");
		runner.run((before) -> {
			before.getBean(Mailer.class).send(EMAIL);
			await(() -> before.getBean(JdbcClient.class)
				.sql("select count(*) from mail_outbox where attempts > 0")
				.query(Integer.class)
				.single() == 1);
		});
		this.smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
		runner.run((after) -> {
			assertThat(this.smtp.waitForIncomingEmail(15_000, 1)).isTrue();
			await(() -> outbox(after) == 0);
		});
		assertThat(this.smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void ofTwoInstancesOnOneDatabaseOnlyOneSendsEachEmail() throws Exception {
		int port = freePort();
		this.smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
		ApplicationContextRunner runner = runner("mail-two", "spring.mail.host=127.0.0.1", "spring.mail.port=" + port,
				"latchkey.mail.poll-interval=PT0.01S");
		runner.run((a) -> runner.run((b) -> {
			// Written behind the dispatchers' backs, so that both find every one of them by polling at once.
			JdbcClient jdbc = a.getBean(JdbcClient.class);
			for (int i = 0; i < 40; i++) {
				jdbc.sql("insert into mail_outbox (recipient, subject, text_body, html_body, created_at, "
						+ "next_attempt_at) values (?, ?, 'text', '<p>html</p>', current_timestamp, current_timestamp)")
					.params("user" + i + "@example.com", "Email " + i)
					.update();
			}
			await(() -> outbox(a) == 0);
			Thread.sleep(500);
			MimeMessage[] received = this.smtp.getReceivedMessages();
			assertThat(received).hasSize(40);
			assertThat(List.of(received).stream().map(MailOutboxTest::subject).distinct()).hasSize(40);
		}));
	}

	private ApplicationContextRunner runner(String database, String... properties) {
		String url = "jdbc:h2:file:" + this.directory.resolve(database).toAbsolutePath() + ";AUTO_SERVER=FALSE";
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
					FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
					JdbcClientAutoConfiguration.class, MailSenderAutoConfiguration.class))
			.withUserConfiguration(MailConfig.class, Settings.class)
			.withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=sa",
					"latchkey.mail.from=Latchkey <no-reply@latchkey.test>", "latchkey.mail.poll-interval=PT0.2S")
			.withPropertyValues(properties);
	}

	private static int outbox(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class)
			.sql("select count(*) from mail_outbox")
			.query(Integer.class)
			.single();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(condition.getAsBoolean()).isTrue();
	}

	@EnableConfigurationProperties(MailSettings.class)
	static class Settings {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
