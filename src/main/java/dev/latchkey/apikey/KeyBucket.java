package dev.latchkey.apikey;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.local.SynchronizationStrategy;

/**
 * One key's rate limit on this instance: a Bucket4j token bucket of the key's whole limit, brought in line with the
 * other instances' consumption at every exchange ({@link RateLimiter#sync()}), and a small guard bucket that caps
 * what this instance spends between two exchanges, so the instances together overshoot by at most a few percent.
 * The two buckets are used under one lock (Bucket4j's unsynchronized buckets): a request takes it once, where two
 * lock-free buckets each copied their state and retried a compare-and-set, and the two stay consistent with each
 * other.
 */
final class KeyBucket {

	static final long MIN_BURST = 10;

	final RateLimit limit;

	private final Bucket main;

	private final Bucket guard;

	/** Requests let through here since the last exchange. */
	final AtomicLong unsynced = new AtomicLong();

	/** What the guard lets this instance spend between two exchanges. */
	private final long perInterval;

	/** {@link System#nanoTime()} of the last exchange that aligned this bucket; 0 before the first. */
	private volatile long exchangedNanos;

	volatile long lastUsedNanos = System.nanoTime();

	/**
	 * Set once the limiter no longer holds this bucket (forgotten as idle, or replaced for a new limit): whoever kept
	 * it ({@link CachedCredential#bucket}) asks the limiter again, so no request is counted where no exchange sees it.
	 */
	volatile boolean retired;

	KeyBucket(RateLimit limit, Duration syncInterval, double burstShare) {
		this.limit = limit;
		Duration period = Duration.ofSeconds(limit.perSeconds());
		this.main = Bucket.builder()
			.addLimit((b) -> b.capacity(limit.requests()).refillGreedy(limit.requests(), period))
			.withSynchronizationStrategy(SynchronizationStrategy.NONE)
			.build();
		// At least what the key earns in two intervals, so a steady client at its full rate is never held back here,
		// and at least MIN_BURST, so a small limit can still be spent in a quick burst.
		long perInterval = Math.max(MIN_BURST, Math.max((long) Math.ceil(limit.requests() * burstShare),
				(long) Math.ceil(2 * limit.refillPerSecond() * syncInterval.toNanos() / 1e9)));
		this.guard = Bucket.builder()
			.addLimit((b) -> b.capacity(perInterval).refillGreedy(perInterval, syncInterval))
			.withSynchronizationStrategy(SynchronizationStrategy.NONE)
			.build();
		this.perInterval = perInterval;
	}

	/**
	 * How often the bucket is exchanged while this instance spends little of it: a sixth of the key's window, from 1
	 * to 10 seconds (10 s for the default limit's minute). The refresh only tells this instance sooner what the
	 * others spent; it does not bound the overshoot, which the twentieth of the guard does (see
	 * {@link #exchangeDue}).
	 */
	long refreshNanos() {
		long sixth = TimeUnit.SECONDS.toNanos(this.limit.perSeconds()) / 6;
		return Math.min(TimeUnit.SECONDS.toNanos(10), Math.max(TimeUnit.SECONDS.toNanos(1), sixth));
	}

	/**
	 * Whether the next exchange should include this bucket: before its first exchange; when this instance spent a
	 * twentieth of its guard or more since the last one (for a limit below 200 a minute, any request at all); and
	 * at least every {@code atLeastEveryNanos} ({@link #refreshNanos()}) while the bucket is kept, to learn what the
	 * other instances spent. A key used lightly under a high limit (the usual case) is exchanged every few seconds
	 * rather than at every interval: with a thousand keys in use, a hundred row writes a second instead of a
	 * thousand. What this instance may spend unknown to the others is this twentieth of the guard, however long the
	 * refresh (see RateLimiter).
	 */
	boolean exchangeDue(long unsyncedNow, long nowNanos, long atLeastEveryNanos) {
		long exchanged = this.exchangedNanos;
		return exchanged == 0 || unsyncedNow * 20 >= this.perInterval || nowNanos - exchanged >= atLeastEveryNanos;
	}

	synchronized RateLimitState consume() {
		this.lastUsedNanos = System.nanoTime();
		if (!this.guard.tryConsume(1)) {
			long wait = this.guard.estimateAbilityToConsume(1).getNanosToWaitForRefill();
			return new RateLimitState(this.limit, false, Math.max(0, this.main.getAvailableTokens()),
					resetSeconds(), seconds(wait));
		}
		ConsumptionProbe probe = this.main.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			this.guard.addTokens(1);
			return new RateLimitState(this.limit, false, 0, seconds(probe.getNanosToWaitForReset()),
					seconds(probe.getNanosToWaitForRefill()));
		}
		this.unsynced.incrementAndGet();
		return new RateLimitState(this.limit, true, Math.max(0, probe.getRemainingTokens()),
				seconds(probe.getNanosToWaitForReset()), 0);
	}

	/**
	 * Makes this instance's bucket hold what the key has left across every instance, less what passed here while the
	 * exchange ran (that is in the next one).
	 */
	synchronized void align(double globalTokens) {
		this.exchangedNanos = System.nanoTime() | 1; // never 0, which means "not yet"
		long target = (long) Math.floor(globalTokens) - this.unsynced.get();
		long current = this.main.getAvailableTokens();
		if (target < current) {
			this.main.consumeIgnoringRateLimits(current - target);
		}
		else if (target > current) {
			this.main.addTokens(target - current);
		}
	}

	synchronized long available() {
		return this.main.getAvailableTokens();
	}

	private long resetSeconds() {
		long missing = this.limit.requests() - Math.max(0, this.main.getAvailableTokens());
		return (long) Math.ceil(missing / this.limit.refillPerSecond());
	}

	private static long seconds(long nanos) {
		return Math.max(1, (long) Math.ceil(nanos / (double) TimeUnit.SECONDS.toNanos(1)));
	}

}
