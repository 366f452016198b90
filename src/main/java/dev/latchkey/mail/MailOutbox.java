package dev.latchkey.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@link Mailer}: writes the email to the {@code mail_outbox} table, in the caller's transaction when there is
 * one, so that an email exists exactly when what caused it was committed, and survives a restart or a mail server
 * that is down. {@link MailDispatcher} sends it, at once after the commit and again later if that fails.
 */
final class MailOutbox implements Mailer {

	private final JdbcClient jdbc;

	private final MailDispatcher dispatcher;

	private final Clock clock;

	MailOutbox(JdbcClient jdbc, MailDispatcher dispatcher, Clock clock) {
		this.jdbc = jdbc;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	@Override
	public void send(Email email) {
		// Truncated as the column stores it: rounded up to the microsecond, a nanosecond clock's "now" would make the
		// email due only a moment later, and never on a clock that stands still (tests).
		Timestamp now = Timestamp.from(this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		this.jdbc
			.sql("insert into mail_outbox (recipient, subject, text_body, html_body, created_at, next_attempt_at) "
					+ "values (?, ?, ?, ?, ?, ?)")
			.params(email.to(), email.subject(), email.text(), email.html(), now, now)
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// afterCompletion rather than afterCommit: it is also called for a send from another synchronization's
			// afterCommit (an invitation's), whose row the connection commits as it leaves the transaction.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status == STATUS_COMMITTED) {
						MailOutbox.this.dispatcher.wakeUp();
					}
				}
			});
		}
		else {
			this.dispatcher.wakeUp();
		}
	}

}
