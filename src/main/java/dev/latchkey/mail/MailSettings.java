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
 */
@ConfigurationProperties("latchkey.mail")
public record MailSettings(@DefaultValue("Latchkey <no-reply@latchkey.local>") String from,
		@DefaultValue("4") int maxAttempts, @DefaultValue("PT5S") Duration firstRetryDelay) {
}
