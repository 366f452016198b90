package dev.latchkey.apikey;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the per-instance cache of credentials behaves.
 *
 * @param maxEntries how many known keys (active or not) the cache holds at most
 * @param maxUnknownEntries how many presented-but-unknown token hashes it remembers at most, kept apart so that
 * unknown tokens can never push known keys out
 * @param pollInterval how often each instance checks the shared change counter
 * @param maxStaleness how long after the start of the last successful check the cache is still trusted; past it,
 * every request reads the database. Must stay below one second, the promise made to other instances.
 * @param notifications on PostgreSQL, whether changes are also announced with {@code NOTIFY} and heard with
 * {@code LISTEN} (other instances see them within milliseconds instead of a poll interval); turn off where
 * {@code LISTEN} cannot work, such as behind a connection pooler in transaction mode
 */
@ConfigurationProperties("latchkey.api-keys.cache")
public record CredentialCacheProperties(@DefaultValue("50000") int maxEntries,
		@DefaultValue("10000") int maxUnknownEntries, @DefaultValue("200ms") Duration pollInterval,
		@DefaultValue("750ms") Duration maxStaleness, @DefaultValue("true") boolean notifications) {

	public CredentialCacheProperties {
		if (maxEntries < 1 || maxUnknownEntries < 1) {
			throw new IllegalArgumentException("latchkey.api-keys.cache sizes must be at least 1");
		}
		if (pollInterval.isNegative() || pollInterval.isZero() || maxStaleness.compareTo(pollInterval) <= 0
				|| maxStaleness.compareTo(Duration.ofSeconds(1)) >= 0) {
			throw new IllegalArgumentException(
					"latchkey.api-keys.cache needs 0 < poll-interval < max-staleness < 1s");
		}
	}

}
