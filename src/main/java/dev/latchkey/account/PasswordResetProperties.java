package dev.latchkey.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenValidity how long an emailed reset link works
 * @param maxEmailsPerAccountPerHour reset emails sent to one account within an hour; further requests are
 * answered the same but send nothing
 * @param maxRequestsPerClientIpPerHour requests acted on from one client address within an hour, whatever
 * address they name
 * @param maxQueuedRequests requests waiting to be handled; under a flood beyond them a request is dropped (and
 * logged), answered like any other
 */
@ConfigurationProperties("latchkey.password-reset")
public record PasswordResetProperties(@DefaultValue("PT30M") Duration tokenValidity,
		@DefaultValue("3") int maxEmailsPerAccountPerHour, @DefaultValue("10") int maxRequestsPerClientIpPerHour,
		@DefaultValue("1000") int maxQueuedRequests) {
}
