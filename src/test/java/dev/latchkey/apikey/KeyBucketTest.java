package dev.latchkey.apikey;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a key's bucket takes part in the exchange with the other instances (see {@link RateLimiter#sync()}). */
class KeyBucketTest {

	static final Duration INTERVAL = Duration.ofMillis(200);

	static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	@Test
	void aBucketNeverExchangedIsDue() {
		KeyBucket bucket = new KeyBucket(new RateLimit(6_000_000, 60), INTERVAL, 0.05);

		assertThat(bucket.exchangeDue(0, System.nanoTime(), SECOND)).isTrue();
	}

	@Test
	void aLightlyUsedKeyUnderAHighLimitIsExchangedOnlyWhenItsRefreshIsDue() {
		// the guard lets this instance spend 300,000 an interval; a few requests are far below a twentieth of that
		KeyBucket bucket = new KeyBucket(new RateLimit(6_000_000, 60), INTERVAL, 0.05);
		bucket.align(6_000_000);
		long exchanged = System.nanoTime();

		assertThat(bucket.exchangeDue(3, exchanged + INTERVAL.toNanos(), SECOND)).isFalse();
		assertThat(bucket.exchangeDue(0, exchanged + INTERVAL.toNanos(), SECOND)).isFalse();
		assertThat(bucket.exchangeDue(3, exchanged + SECOND + 1, SECOND)).isTrue();
		assertThat(bucket.exchangeDue(0, exchanged + SECOND + 1, SECOND)).isTrue();
	}

	@Test
	void aKeyIsRefreshedEveryASixthOfItsWindowFromOneToTenSeconds() {
		assertThat(new KeyBucket(new RateLimit(6_000_000, 60), INTERVAL, 0.05).refreshNanos()).isEqualTo(10 * SECOND);
		assertThat(new KeyBucket(new RateLimit(1_000, 30), INTERVAL, 0.05).refreshNanos()).isEqualTo(5 * SECOND);
		assertThat(new KeyBucket(new RateLimit(100, 1), INTERVAL, 0.05).refreshNanos()).isEqualTo(SECOND);
		assertThat(new KeyBucket(new RateLimit(200, 3600), INTERVAL, 0.05).refreshNanos()).isEqualTo(10 * SECOND);
	}

	@Test
	void spendingATwentiethOfTheGuardMakesItDueAtTheNextInterval() {
		KeyBucket bucket = new KeyBucket(new RateLimit(6_000_000, 60), INTERVAL, 0.05);
		bucket.align(6_000_000);
		long exchanged = System.nanoTime();

		assertThat(bucket.exchangeDue(14_999, exchanged + INTERVAL.toNanos(), SECOND)).isFalse();
		assertThat(bucket.exchangeDue(15_000, exchanged + INTERVAL.toNanos(), SECOND)).isTrue();
	}

	@Test
	void underASmallLimitAnyRequestMakesItDue() {
		// a guard of 10 (the minimum burst): one request is a tenth of it
		KeyBucket bucket = new KeyBucket(new RateLimit(200, 3600), INTERVAL, 0.05);
		bucket.align(200);
		long exchanged = System.nanoTime();

		assertThat(bucket.exchangeDue(0, exchanged + INTERVAL.toNanos(), SECOND)).isFalse();
		assertThat(bucket.exchangeDue(1, exchanged + INTERVAL.toNanos(), SECOND)).isTrue();
	}

}
