package dev.latchkey.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends what the outbox holds, on a background thread of its own: at once when an email is committed, and every
 * {@code latchkey.mail.poll-interval} for retries, emails of a stopped instance and those written before a restart.
 * An instance claims a row with one conditional update before sending it, so of several instances only one sends
 * a given email; a failed email is tried again after {@code first-retry-delay}, doubling, up to
 * {@code max-attempts}, then given up with a logged error; a given-up row (no body) is deleted after
 * {@code keep-given-up}. Log lines name the recipient and subject, never the
 * body: a body may hold a reset link.
 */
final class MailDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

	private static final int BATCH = 50;

	private static final Duration PURGE_EVERY = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final MailTransport transport;

	private final MailSettings settings;

	private final Clock clock;

	private volatile ScheduledExecutorService executor;

	/** When given-up emails were last purged; a purge at most every hour, not at every poll. */
	private volatile Instant lastPurge = Instant.MIN;

	MailDispatcher(JdbcClient jdbc, MailTransport transport, MailSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.transport = transport;
		this.settings = settings;
		this.clock = clock;
	}

	/** Looks at the outbox soon, on the dispatcher's thread. */
	void wakeUp() {
		ScheduledExecutorService running = this.executor;
		if (running != null) {
			try {
				running.execute(this::dispatchSafely);
			}
			catch (RejectedExecutionException ex) {
				// stopping: what is left is sent after the next start
			}
		}
	}

	/** Sends every email due now that no other instance holds, and purges emails given up on long ago. */
	void dispatch() {
		purgeGivenUp();
		List<Long> due;
		do {
			Timestamp now = Timestamp.from(this.clock.instant());
			due = this.jdbc
				.sql("select id from mail_outbox where failed_at is null and next_attempt_at <= ? "
						+ "and (claimed_until is null or claimed_until <= ?) order by id fetch first " + BATCH
						+ " rows only")
				.params(now, now)
				.query(Long.class)
				.list();
			due.stream().filter(this::claim).forEach(this::send);
		}
		while (due.size() == BATCH);
	}

	private void purgeGivenUp() {
		Instant now = this.clock.instant();
		if (Duration.between(this.lastPurge, now).compareTo(PURGE_EVERY) < 0) {
			return;
		}
		this.lastPurge = now;
		int purged = this.jdbc.sql("delete from mail_outbox where failed_at < ?")
			.param(Timestamp.from(now.minus(this.settings.keepGivenUp())))
			.update();
		if (purged > 0) {
			log.info("Deleted {} emails given up on more than {} ago", purged, this.settings.keepGivenUp());
		}
	}

	private boolean claim(long id) {
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("update mail_outbox set claimed_until = ?, attempts = attempts + 1 where id = ? and failed_at is null "
					+ "and next_attempt_at <= ? and (claimed_until is null or claimed_until <= ?)")
			.params(Timestamp.from(now.plus(this.settings.claimTimeout())), id, Timestamp.from(now),
					Timestamp.from(now))
			.update() == 1;
	}

	private void send(long id) {
		Optional<Claimed> claimed = this.jdbc
			.sql("select recipient, subject, text_body, html_body, attempts from mail_outbox where id = ?")
			.param(id)
			.query((rs, n) -> new Claimed(new Email(rs.getString("recipient"), rs.getString("subject"),
					rs.getString("text_body"), rs.getString("html_body")), rs.getInt("attempts")))
			.optional();
		if (claimed.isEmpty()) {
			return;
		}
		Email email = claimed.get().email();
		int attempt = claimed.get().attempt();
		try {
			this.transport.deliver(email);
		}
		catch (Exception ex) {
			failed(id, email, attempt, ex);
			return;
		}
		this.jdbc.sql("delete from mail_outbox where id = ?").param(id).update();
		log.info("Sent '{}' to {}", email.subject(), email.to());
	}

	private void failed(long id, Email email, int attempt, Exception ex) {
		Instant now = this.clock.instant();
		String error = truncate(ex.toString());
		if (attempt >= this.settings.maxAttempts()) {
			this.jdbc
				.sql("update mail_outbox set failed_at = ?, claimed_until = null, text_body = null, html_body = null, "
						+ "last_error = ? where id = ?")
				.params(Timestamp.from(now), error, id)
				.update();
			log.error("Gave up sending '{}' to {} after {} attempts: {}", email.subject(), email.to(), attempt, error);
			return;
		}
		Duration delay = this.settings.retryDelay(attempt);
		this.jdbc
			.sql("update mail_outbox set next_attempt_at = ?, claimed_until = null, last_error = ? where id = ?")
			.params(Timestamp.from(now.plus(delay).truncatedTo(ChronoUnit.MICROS)), error, id)
			.update();
		log.warn("Could not send '{}' to {} (attempt {} of {}), retrying in {}: {}", email.subject(), email.to(),
				attempt, this.settings.maxAttempts(), delay, error);
		ScheduledExecutorService running = this.executor;
		if (running != null) {
			try {
				running.schedule(this::dispatchSafely, delay.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException stopping) {
				// the poll after the next start retries it
			}
		}
	}

	private void dispatchSafely() {
		try {
			dispatch();
		}
		catch (RuntimeException ex) {
			log.error("Could not look at the mail outbox", ex);
		}
	}

	private static String truncate(String text) {
		return (text.length() <= 500) ? text : text.substring(0, 500);
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		ScheduledThreadPoolExecutor started = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "mail-sender");
			thread.setDaemon(true);
			return thread;
		});
		// At stop, the email being sent goes out; retries waiting for their time stay in the outbox.
		started.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		long every = this.settings.pollInterval().toMillis();
		started.scheduleWithFixedDelay(this::dispatchSafely, 0, every, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	/** Gives the email being sent a moment to go out, then stops; the rest stays in the outbox. */
	@Override
	public synchronized void stop() {
		ScheduledExecutorService running = this.executor;
		if (running == null) {
			return;
		}
		this.executor = null;
		running.shutdown();
		try {
			if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
				log.warn("The mail sender did not stop within 10 seconds");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	private record Claimed(Email email, int attempt) {
	}

}
