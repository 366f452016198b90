package dev.latchkey.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins are throttled, all within {@code window}: one client address may fail
 * {@code maxFailuresPerClient} times in all and {@code maxFailuresPerAccountAndClient} times for one account before
 * its attempts are refused; an account that has failed {@code accountCeiling} times (from anywhere: only a
 * distributed attack gets there) then accepts one attempt per {@code ceilingDelay}, which slows the attack and locks
 * nobody out. {@code concurrentHashes} bounds the password hashes computed at once (0: one per processor).
 */
@ConfigurationProperties("latchkey.sign-in")
public record SignInThrottleProperties(@DefaultValue("15m") Duration window,
		@DefaultValue("20") int maxFailuresPerClient, @DefaultValue("5") int maxFailuresPerAccountAndClient,
		@DefaultValue("100") int accountCeiling, @DefaultValue("2s") Duration ceilingDelay,
		@DefaultValue("0") int concurrentHashes, @DefaultValue("200ms") Duration hashWait) {

	public int hashPermits() {
		return (this.concurrentHashes > 0) ? this.concurrentHashes : Runtime.getRuntime().availableProcessors();
	}

}
