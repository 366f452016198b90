package dev.latchkey.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Latchkey sends email; the SMTP server itself is configured by the standard {@code spring.mail.*}.
 *
 * @param from the sender of every email
 * @param maxAttempts tries per email before giving up, the first included
 * @param firstRetryDelay wait before the second try; it doubles for each further one
 * @param pollInterval how often the outbox is looked at for emails due (a new email is sent at once, without
 * waiting for this)
 * @param claimTimeout how long an instance may take to send an email it claimed before another instance may
 * claim it (an instance that stopped mid-send)
 * @param keepGivenUp how long an email given up on stays in the outbox (recipient, subject and last error, for
 * whoever looks into it) before it is deleted
 */
@ConfigurationProperties("latchkey.mail")
public record MailSettings(@DefaultValue("Latchkey <no-reply@latchkey.local>") String from,
		@DefaultValue("4") int maxAttempts, @DefaultValue("PT5S") Duration firstRetryDelay,
		@DefaultValue("PT5S") Duration pollInterval, @DefaultValue("PT5M") Duration claimTimeout,
		@DefaultValue("P30D") Duration keepGivenUp) {

	public MailSettings {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("latchkey.mail.max-attempts must be at least 1, not " + maxAttempts);
		}
		if (keepGivenUp.isNegative()) {
			throw new IllegalArgumentException("latchkey.mail.keep-given-up must not be negative, not " + keepGivenUp);
		}
	}

	/** @return the wait after the given failed attempt (1 for the first) */
	Duration retryDelay(int failedAttempt) {
		return this.firstRetryDelay.multipliedBy(1L << Math.min(failedAttempt - 1, 20));
	}

}
