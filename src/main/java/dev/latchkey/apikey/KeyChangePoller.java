package dev.latchkey.apikey;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's {@link CredentialCache} in step with changes made on other instances: reads the shared
 * change counter on its own thread every {@code poll-interval}, and at once when {@link KeyChangeListener} hears
 * a notification. When the counter moved, it reads the change log for the versions in between and evicts exactly
 * the keys they name (a creation drops the new key's hash from the unknown ones); when the log no longer holds
 * them all, it clears the cache. Each successful poll extends the cache's trust to {@code max-staleness} after the
 * poll started; a failing or stalled poll lets it lapse, and requests then read the database.
 */
@Component
class KeyChangePoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KeyChangePoller.class);

	private final KeyChanges changes;

	private final CredentialCache cache;

	private final CredentialCacheProperties properties;

	private final AtomicBoolean pollRequested = new AtomicBoolean();

	private ScheduledExecutorService executor;

	private long lastSeenVersion = -1;

	private boolean failing;

	KeyChangePoller(KeyChanges changes, CredentialCache cache, CredentialCacheProperties properties) {
		this.changes = changes;
		this.cache = cache;
		this.properties = properties;
	}

	/** Runs on the poller's thread only (or a test's), one poll at a time. */
	void poll() {
		long started = System.nanoTime();
		try {
			long version = this.changes.version();
			if (version != this.lastSeenVersion) {
				catchUp(version);
				this.lastSeenVersion = version;
			}
			this.cache.trustUntil(started + this.properties.maxStaleness().toNanos());
			if (this.failing) {
				log.info("API key change counter readable again: credential cache back in use");
				this.failing = false;
			}
		}
		catch (RuntimeException ex) {
			this.cache.distrust();
			if (!this.failing) {
				log.warn("Cannot read the API key change counter: checking every key against the database until it "
						+ "can", ex);
				this.failing = true;
			}
		}
	}

	private void catchUp(long version) {
		if (this.lastSeenVersion < 0 || version < this.lastSeenVersion) {
			this.cache.clear();
			return;
		}
		List<KeyChanges.Change> changed = this.changes.since(this.lastSeenVersion, version);
		if (changed.size() != version - this.lastSeenVersion) {
			this.cache.clear();
			return;
		}
		for (KeyChanges.Change change : changed) {
			if (change.tokenHash() == null) {
				this.cache.evictTenant(change.tenant());
			}
			else if (change.created()) {
				this.cache.forgetUnknown(TokenDigest.ofHex(change.tokenHash()));
			}
			else {
				this.cache.evict(TokenDigest.ofHex(change.tokenHash()));
			}
		}
	}

	/** Polls as soon as the poller's thread is free; requests made meanwhile share that one poll. */
	void pollSoon() {
		ScheduledExecutorService executor;
		synchronized (this) {
			executor = this.executor;
		}
		if (executor != null && this.pollRequested.compareAndSet(false, true)) {
			try {
				executor.execute(() -> {
					this.pollRequested.set(false);
					poll();
				});
			}
			catch (RuntimeException ex) {
				this.pollRequested.set(false);
			}
		}
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "api-key-change-poller");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.pollInterval().toMillis();
		this.executor.scheduleWithFixedDelay(this::poll, 0, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.cache.distrust();
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
