package dev.latchkey.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SmtpMailerTest {

	private static final String SECRET_LINK = "https://latchkey.example.test/reset-password?token=secret-token-value";

	private static final Email EMAIL = new Email("ada@example.com", "Reset your Latchkey password",
			"Open " + SECRET_LINK, "<a href=\"" + SECRET_LINK + "\">Reset</a>");

	private GreenMail smtp;

	private SmtpMailer mailer;

	@AfterEach
	void stop() {
		if (this.mailer != null) {
			this.mailer.close();
		}
		if (this.smtp != null) {
			this.smtp.stop();
		}
	}

	@Test
	void anEmailThatFailsIsRetriedWithBackOffUntilTheServerAnswers(CapturedOutput output) throws Exception {
		int port = freePort();
		this.mailer = new SmtpMailer(sender(port), new MailSettings("Latchkey <no-reply@latchkey.test>", 4,
				Duration.ofMillis(400)));

		long start = System.nanoTime();
		this.mailer.send(EMAIL);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("send returns before delivery")
			.isLessThan(Duration.ofMillis(200));
		awaitOutput(output, "attempt 1 of 4");
		this.smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();

		assertThat(this.smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage received = this.smtp.getReceivedMessages()[0];
		assertThat(received.getSubject()).isEqualTo("Reset your Latchkey password");
		assertThat(received.getFrom()[0].toString()).isEqualTo("Latchkey <no-reply@latchkey.test>");
		awaitOutput(output, "Sent 'Reset your Latchkey password' to ada@example.com");
		assertThat(output.getAll()).contains("Could not send 'Reset your Latchkey password' to ada@example.com")
			.doesNotContain("secret-token-value");
	}

	@Test
	void aServerThatNeverAnswersIsGivenUpOnAfterTheLastAttempt(CapturedOutput output) throws Exception {
		this.mailer = new SmtpMailer(sender(freePort()), new MailSettings("no-reply@latchkey.test", 3,
				Duration.ofMillis(50)));

		this.mailer.send(EMAIL);

		awaitOutput(output, "Gave up sending 'Reset your Latchkey password' to ada@example.com after 3 attempts");
		assertThat(output.getAll()).contains("attempt 2 of 3").doesNotContain("secret-token-value");
	}

	private static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		return sender;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void awaitOutput(CapturedOutput output, String text) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!output.getAll().contains(text) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(output.getAll()).contains(text);
	}

}
