package dev.latchkey.apikey;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's {@link CredentialCache} in step with changes made on other instances: reads the shared
 * change counter every {@code poll-interval} on its own thread (so a slow scheduled job elsewhere cannot delay it)
 * and clears the cache when the counter moved. Each successful poll extends the cache's trust to
 * {@code max-staleness} after the poll started; a failing or stalled poll lets it lapse, and requests then read the
 * database.
 */
@Component
class KeyChangePoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KeyChangePoller.class);

	private final KeyChanges changes;

	private final CredentialCache cache;

	private final CredentialCacheProperties properties;

	private ScheduledExecutorService executor;

	private long lastSeenVersion = -1;

	private boolean failing;

	KeyChangePoller(KeyChanges changes, CredentialCache cache, CredentialCacheProperties properties) {
		this.changes = changes;
		this.cache = cache;
		this.properties = properties;
	}

	void poll() {
		long started = System.nanoTime();
		try {
			long version = this.changes.version();
			if (version != this.lastSeenVersion) {
				this.cache.clear();
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
