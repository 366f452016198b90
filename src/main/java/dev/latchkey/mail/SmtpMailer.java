package dev.latchkey.mail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends over SMTP on a background thread, retrying a failed email with exponential back-off. Log lines name the
 * recipient and subject, never the body: a body may hold a reset link.
 */
final class SmtpMailer implements Mailer, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

	private final JavaMailSender sender;

	private final MailSettings settings;

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "mail-sender");
		thread.setDaemon(true);
		return thread;
	});

	SmtpMailer(JavaMailSender sender, MailSettings settings) {
		this.sender = sender;
		this.settings = settings;
	}

	@Override
	public void send(Email email) {
		this.executor.execute(() -> attempt(email, 1));
	}

	private void attempt(Email email, int attempt) {
		try {
			this.sender.send(mime(email));
			log.info("Sent '{}' to {}", email.subject(), email.to());
		}
		catch (MailException | MessagingException ex) {
			if (attempt >= this.settings.maxAttempts()) {
				log.error("Gave up sending '{}' to {} after {} attempts: {}", email.subject(), email.to(), attempt,
						ex.toString());
				return;
			}
			Duration delay = this.settings.firstRetryDelay().multipliedBy(1L << (attempt - 1));
			log.warn("Could not send '{}' to {} (attempt {} of {}), retrying in {}: {}", email.subject(), email.to(),
					attempt, this.settings.maxAttempts(), delay, ex.toString());
			this.executor.schedule(() -> attempt(email, attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private MimeMessage mime(Email email) throws MessagingException {
		MimeMessage message = this.sender.createMimeMessage();
		var helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.settings.from());
		helper.setTo(email.to());
		helper.setSubject(email.subject());
		helper.setText(email.text(), email.html());
		return message;
	}

	/** Gives emails already queued a moment to go out, then stops. */
	@Override
	public void close() {
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(10, TimeUnit.SECONDS)) {
				List<Runnable> dropped = this.executor.shutdownNow();
				log.warn("Stopped with {} emails not yet sent", dropped.size());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
