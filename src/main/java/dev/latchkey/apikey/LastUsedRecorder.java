package dev.latchkey.apikey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps each key's last-used time to the minute without a database write per request: requests only note the
 * minute in memory, and a background flush writes all noted keys in one batch.
 */
@Component
class LastUsedRecorder {

	private static final Logger log = LoggerFactory.getLogger(LastUsedRecorder.class);

	private final ConcurrentHashMap<Long, Instant> pending = new ConcurrentHashMap<>();

	private final ApiKeys keys;

	LastUsedRecorder(ApiKeys keys) {
		this.keys = keys;
	}

	/**
	 * @param stored the last-used time the caller already knows of, so a key used again within the same minute
	 * costs nothing
	 */
	void used(long keyId, Instant stored, Instant now) {
		Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
		if (stored != null && !stored.isBefore(minute)) {
			return;
		}
		this.pending.merge(keyId, minute, (a, b) -> a.isAfter(b) ? a : b);
	}

	@Scheduled(fixedDelayString = "${latchkey.api-keys.last-used-flush:PT15S}")
	@PreDestroy
	void flush() {
		if (this.pending.isEmpty()) {
			return;
		}
		Map<Long, Instant> batch = new HashMap<>();
		for (Long keyId : this.pending.keySet()) {
			Instant minute = this.pending.remove(keyId);
			if (minute != null) {
				batch.put(keyId, minute);
			}
		}
		try {
			this.keys.recordLastUsed(batch);
		}
		catch (RuntimeException ex) {
			log.warn("Could not record when {} API keys were last used; will retry", batch.size(), ex);
			batch.forEach((keyId, minute) -> this.pending.merge(keyId, minute, (a, b) -> a.isAfter(b) ? a : b));
		}
	}

}
