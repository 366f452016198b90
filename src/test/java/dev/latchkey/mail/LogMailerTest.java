package dev.latchkey.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class LogMailerTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
		.withUserConfiguration(MailConfig.class, Settings.class);

	@Test
	void withoutAnSmtpHostEmailsGoToTheLogLinkIncluded(CapturedOutput output) {
		this.context.run((context) -> {
			assertThat(output.getAll()).contains("No SMTP server is configured (spring.mail.host)");
			context.getBean(Mailer.class)
				.send(new Email("ada@example.com", "Reset your Latchkey password",
						"Open http://localhost:8080/reset-password?token=abc123", "<p>html</p>"));
			assertThat(output.getAll()).contains("Email to ada@example.com, subject 'Reset your Latchkey password'")
				.contains("http://localhost:8080/reset-password?token=abc123");
		});
	}

	@Test
	void withAnSmtpHostEmailsAreSent() {
		this.context.withPropertyValues("spring.mail.host=127.0.0.1")
			.run((context) -> assertThat(context.getBean(Mailer.class)).isInstanceOf(SmtpMailer.class));
	}

	@EnableConfigurationProperties(MailSettings.class)
	static class Settings {

	}

}
