package dev.latchkey.reminder;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.shared.Actor;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.Tenants;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reminder queued while the mail server is down, then the application restarted on the same H2 file: the email
 * is sent after the restart, once, and the reminder is not sent again.
 */
class ExpiryRemindersRestartTest {

	@TempDir
	Path data;

	@Test
	void aQueuedReminderIsSentAfterARestartAndOnlyOnce() throws Exception {
		String url = "jdbc:h2:file:" + this.data.resolve("latchkey").toAbsolutePath();
		int smtpPort = freePort();
		String email = "ada-" + UUID.randomUUID() + "@example.test";
		try (ConfigurableApplicationContext before = start(url, smtpPort)) {
			Instant now = Instant.now();
			Tenant tenant = before.getBean(Tenants.class).create("Restart " + UUID.randomUUID(), false, now);
			User ada = before.getBean(Users.class)
				.create(tenant.id(), email, "Ada", "{noop}unused", Role.DEVELOPER, now);
			before.getBean(ApiKeyService.class)
				.create(Actor.user(tenant.id(), ada.id(), "127.0.0.1"),
						new NewApiKey("Survivor", now.plus(Duration.ofDays(7)), null));
			assertThat(before.getBean(ExpiryReminders.class).check()).isOne();
			assertThat(outbox(before, email)).isOne();
		}
		GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try (ConfigurableApplicationContext after = start(url, smtpPort)) {
			assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
			assertThat(after.getBean(ExpiryReminders.class).check()).isZero();
			Thread.sleep(1_000);
			assertThat(smtp.getReceivedMessages()).hasSize(1);
			assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Your API key \u201cSurvivor\u201d expires soon");
			assertThat(outbox(after, email)).isZero();
		}
		finally {
			smtp.stop();
		}
	}

	private static int outbox(ConfigurableApplicationContext context, String email) {
		return context.getBean(JdbcClient.class)
			.sql("select count(*) from mail_outbox where recipient = ?")
			.param(email)
			.query(Integer.class)
			.single();
	}

	private static ConfigurableApplicationContext start(String url, int smtpPort) {
		return new SpringApplicationBuilder(LatchkeyApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--spring.datasource.url=" + url, "--spring.datasource.username=sa",
				"--spring.datasource.password=", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
				"--latchkey.mail.first-retry-delay=PT2S", "--latchkey.mail.max-attempts=10", "--latchkey.mail.poll-interval=PT0.2S",
				"--latchkey.reminders.enabled=false");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
