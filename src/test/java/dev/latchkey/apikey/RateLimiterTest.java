package dev.latchkey.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.latchkey.shared.TenantId;
import dev.latchkey.shared.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests counted through a cached credential, which keeps its key's bucket, reach the exchange with the other
 * instances ({@link RateLimiter#sync(long)}) however the credential and the bucket come and go.
 */
class RateLimiterTest {

	static final long KEY = 7;

	final ExchangeLog store = new ExchangeLog();

	final RateLimiter limiter = new RateLimiter(new LimitsProperties(1000,
			new LimitsProperties.DefaultRateLimit(6_000_000, 60), Duration.ofMillis(200), 0.05), this.store,
			Clock.systemUTC());

	@Test
	void requestsOfACachedKeyAreInTheNextExchange() {
		CachedCredential credential = credential();

		consume(credential, 3);
		this.limiter.sync(System.nanoTime());

		assertThat(this.store.exchanges).containsExactly(Map.of(KEY, 3L));
	}

	@Test
	void aKeyCachedAgainKeepsSpendingTheSameBucket() {
		// a change to the key (a rename, say) evicts it, and the next request caches a new credential
		consume(credential(), 2);
		consume(credential(), 3);
		this.limiter.sync(System.nanoTime());

		assertThat(this.store.exchanges).containsExactly(Map.of(KEY, 5L));
	}

	@Test
	void aCredentialWhoseBucketWasForgottenAsIdleCountsInTheNewOne() {
		CachedCredential credential = credential();
		consume(credential, 1);
		this.limiter.sync(System.nanoTime());

		// idle for longer than the key's window (the default limit's minute): the limiter forgets the bucket
		this.limiter.sync(System.nanoTime() + TimeUnit.SECONDS.toNanos(61));
		consume(credential, 4);
		this.limiter.sync(System.nanoTime());

		assertThat(this.store.exchanges).containsExactly(Map.of(KEY, 1L), Map.of(KEY, 4L));
	}

	private void consume(CachedCredential credential, int requests) {
		for (int i = 0; i < requests; i++) {
			assertThat(this.limiter.consume(credential).allowed()).isTrue();
		}
	}

	private static CachedCredential credential() {
		return new CachedCredential(new AuthenticatedKey(KEY, "key_1234", new TenantId(1), "Tenant", "ci",
				Environment.DEVELOPMENT, new UserId(1), null), true, Instant.EPOCH);
	}

	/** Notes each exchange's consumption by key and answers that every key has its whole limit left. */
	static final class ExchangeLog extends RateLimitStore {

		final List<Map<Long, Long>> exchanges = new ArrayList<>();

		ExchangeLog() {
			super(null, null);
		}

		@Override
		Map<Long, Double> exchange(Map<Long, Consumption> consumption, Instant now) {
			Map<Long, Long> consumed = new HashMap<>();
			Map<Long, Double> left = new HashMap<>();
			consumption.forEach((id, used) -> {
				consumed.put(id, used.consumed());
				left.put(id, (double) used.limit().requests());
			});
			this.exchanges.add(consumed);
			return left;
		}

	}

}
