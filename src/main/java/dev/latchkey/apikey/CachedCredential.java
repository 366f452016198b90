package dev.latchkey.apikey;

import java.time.Instant;

/**
 * What the cache remembers of a key: everything the per-request check needs, so a cached key is checked without
 * the database. Expiry is not decided here once and for all: it is compared with the clock on every request.
 */
final class CachedCredential {

	/** A hash the database did not know: refused, like a disabled key. */
	static final CachedCredential UNKNOWN = new CachedCredential(null, false, true, null);

	private final AuthenticatedKey key;

	private final boolean enabled;

	private final boolean deleted;

	/** The last-used minute this instance knows is stored or queued, so each key queues one write a minute. */
	private volatile Instant lastUsed;

	/**
	 * The key's rate-limit bucket on this instance, kept here by {@link RateLimiter#consume} so that a cached key's
	 * request reaches it without a look-up; {@code null} until the first request.
	 */
	volatile KeyBucket bucket;

	CachedCredential(AuthenticatedKey key, boolean enabled, Instant lastUsed) {
		this(key, enabled, false, lastUsed);
	}

	CachedCredential(AuthenticatedKey key, boolean enabled, boolean deleted, Instant lastUsed) {
		this.key = key;
		this.enabled = enabled;
		this.deleted = deleted;
		this.lastUsed = lastUsed;
	}

	static CachedCredential of(ApiKeys.StoredCredential stored) {
		return new CachedCredential(stored.key(), stored.enabled(), stored.deleted(), stored.lastUsedAt());
	}

	AuthenticatedKey key() {
		return this.key;
	}

	long keyId() {
		return this.key.keyId();
	}

	/** Deleted keys look exactly like unknown ones; an expired key is expired whether or not it is active. */
	VerificationStatus statusAt(Instant now) {
		if (this.key == null || this.deleted) {
			return VerificationStatus.NOT_FOUND;
		}
		if (this.key.expiresAt() != null && !now.isBefore(this.key.expiresAt())) {
			return VerificationStatus.EXPIRED;
		}
		return this.enabled ? VerificationStatus.VALID : VerificationStatus.INACTIVE;
	}

	boolean authenticatesAt(Instant now) {
		return this.enabled && (this.key.expiresAt() == null || now.isBefore(this.key.expiresAt()));
	}

	/** Queues the last-used write at most once a minute per key and instance. */
	void used(LastUsedRecorder recorder, Instant now) {
		Instant known = this.lastUsed;
		// the start of this minute, in seconds: nothing is allocated on the usual path, where it is already queued
		long minuteSecond = now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), 60);
		if (known != null && known.getEpochSecond() >= minuteSecond) {
			return;
		}
		recorder.used(this.key.keyId(), known, now);
		this.lastUsed = Instant.ofEpochSecond(minuteSecond);
	}

}
