package dev.latchkey.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.latchkey.mail.Email;
import dev.latchkey.mail.Mailer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Keeps every email instead of sending it, for service tests that need no SMTP server. Import
 * {@link RecordingMailer.Configuration} (a test configuration, so component scanning leaves it out of other tests).
 */
public class RecordingMailer implements Mailer {

	private final List<Email> sent = new CopyOnWriteArrayList<>();

	@Override
	public void send(Email email) {
		this.sent.add(email);
	}

	/** @return the emails sent to the address so far, oldest first */
	public List<Email> to(String address) {
		return this.sent.stream().filter((email) -> email.to().equals(address)).toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		RecordingMailer recordingMailer() {
			return new RecordingMailer();
		}

	}

}
