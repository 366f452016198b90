package dev.latchkey.apikey;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Per-key rate limits that hold for the key as a whole across instances, without a database round trip per
 * request. A request only touches this instance's {@link KeyBucket} (memory). Every {@code sync-interval} a
 * background thread adds each busy key's consumption here to the key's shared bucket in the database and aligns the
 * local bucket with what is left across all instances. Between two exchanges each instance spends at most
 * {@code burst-share} of the limit, so N instances overshoot by at most (N-1) × that share (see README).
 */
@Component
public class RateLimiter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	private final Map<Long, KeyBucket> buckets = new ConcurrentHashMap<>();

	private final LimitsProperties properties;

	private final RateLimitStore store;

	private final Clock clock;

	/** The installation's default limit, made once: most keys have it, and it is looked at on every request. */
	private final RateLimit defaultLimit;

	private ScheduledExecutorService executor;

	RateLimiter(LimitsProperties properties, RateLimitStore store, Clock clock) {
		this.properties = properties;
		this.defaultLimit = properties.defaultRateLimit().toRateLimit();
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Counts one request of the key: memory only. The credential keeps the key's bucket, so a cached key's request
	 * reaches it without looking it up here, until the bucket is retired.
	 */
	RateLimitState consume(CachedCredential credential) {
		KeyBucket bucket = credential.bucket;
		if (bucket == null || bucket.retired) {
			bucket = bucket(credential.key());
			credential.bucket = bucket;
		}
		return bucket.consume();
	}

	RateLimit limitOf(AuthenticatedKey key) {
		return (key.rateLimit() != null) ? key.rateLimit() : this.defaultLimit;
	}

	private KeyBucket bucket(AuthenticatedKey key) {
		RateLimit limit = limitOf(key);
		KeyBucket bucket = this.buckets.get(key.keyId());
		if (bucket == null || !bucket.limit.equals(limit)) {
			bucket = this.buckets.compute(key.keyId(), (id, existing) -> {
				if (existing != null && existing.limit.equals(limit)) {
					return existing;
				}
				if (existing != null) {
					existing.retired = true;
				}
				return new KeyBucket(limit, this.properties.syncInterval(), this.properties.burstShare());
			});
		}
		return bucket;
	}

	/** One exchange with the other instances; runs in the background every sync-interval. */
	void sync() {
		sync(System.nanoTime());
	}

	/** {@link #sync()} as of {@code now} ({@link System#nanoTime()}). */
	void sync(long now) {
		Map<Long, RateLimitStore.Consumption> consumption = new HashMap<>();
		Map<Long, KeyBucket> exchanged = new HashMap<>();
		this.buckets.forEach((id, bucket) -> {
			long idleNanos = now - bucket.lastUsedNanos;
			if (bucket.unsynced.get() == 0 && idleNanos > Duration.ofSeconds(bucket.limit.perSeconds()).toNanos()) {
				// idle for a whole window: forget it (a new bucket starts full, as this one would be)
				if (this.buckets.remove(id, bucket)) {
					bucket.retired = true;
				}
				return;
			}
			if (!bucket.exchangeDue(bucket.unsynced.get(), now, bucket.refreshNanos())) {
				return;
			}
			exchanged.put(id, bucket);
			consumption.put(id, new RateLimitStore.Consumption(bucket.limit, bucket.unsynced.getAndSet(0)));
		});
		if (consumption.isEmpty()) {
			return;
		}
		try {
			this.store.exchange(consumption, this.clock.instant())
				.forEach((id, left) -> exchanged.get(id).align(left));
		}
		catch (RuntimeException ex) {
			consumption.forEach((id, used) -> exchanged.get(id).unsynced.addAndGet(used.consumed()));
			log.warn("Could not exchange rate-limit consumption of {} keys with the other instances; will retry",
					consumption.size(), ex);
		}
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "rate-limit-sync");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.syncInterval().toNanos();
		this.executor.scheduleWithFixedDelay(this::syncQuietly, interval, interval, TimeUnit.NANOSECONDS);
	}

	private void syncQuietly() {
		try {
			sync();
		}
		catch (RuntimeException ex) {
			log.warn("Rate-limit exchange failed", ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
