package dev.latchkey.apikey;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latchkey.limits.*}: quotas every tenant starts with.
 *
 * @param maxActiveKeys keys a tenant may have active at once
 * @param defaultRateLimit the rate limit of a key whose tenant set no default and which has no override
 * @param syncInterval how often each instance exchanges its keys' consumption with the others through the database
 * @param burstShare the share of a key's limit one instance may spend between two exchanges, which bounds how far
 * the instances together can overshoot
 */
@ConfigurationProperties("latchkey.limits")
public record LimitsProperties(@DefaultValue("1000") int maxActiveKeys, @DefaultValue DefaultRateLimit defaultRateLimit,
		@DefaultValue("200ms") Duration syncInterval, @DefaultValue("0.05") double burstShare) {

	/**
	 * High enough (100,000 a second on average) that no integration made before rate limits existed breaks; a tenant
	 * sets its own default under Settings → Security.
	 */
	public record DefaultRateLimit(@DefaultValue("6000000") int requests, @DefaultValue("60") int perSeconds) {

		RateLimit toRateLimit() {
			return new RateLimit(this.requests, this.perSeconds);
		}

	}

}
