package dev.latchkey.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How repeated failed sign-ins for one account are throttled: after {@code maxFailures} failures within
 * {@code window}, every attempt for that account is refused for {@code lockout}, with the same generic message.
 */
@ConfigurationProperties("latchkey.sign-in")
public record SignInThrottleProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
		@DefaultValue("15m") Duration lockout) {
}
