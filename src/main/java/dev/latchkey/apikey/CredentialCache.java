package dev.latchkey.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.latchkey.shared.TenantId;

import org.springframework.stereotype.Component;

/**
 * This instance's memory of credentials, by token hash ({@link TokenDigest}): known keys (active, deactivated or
 * deleted alike) and hashes the database did not know. A hit costs one look-up and no database access. Both parts are bounded
 * (Caffeine, size-based eviction of the least useful entries), so a tenant with a million keys or a flood of random
 * tokens cannot grow the heap.
 *
 * <p>
 * Why it never answers with a state older than a committed change:
 * <ul>
 * <li><b>Same instance.</b> A request that misses takes a {@link #stamp()} <em>before</em> it reads the database,
 * and may only store what it read while the generation still equals that stamp. Every invalidation first moves
 * the generation, then evicts, and runs after the change's commit (see {@link KeyChanges}). So a request that read
 * the row before the commit either stored its answer before the eviction (and the eviction removes it), or tries
 * afterwards and is refused because the generation moved. A request whose stamp is taken after the invalidation
 * started its read after the commit, so it saw the change. Stores and invalidations hold one lock so that the
 * check and the store are one step; hits take no lock.</li>
 * <li><b>Other instances.</b> Every change also moves a counter row and logs the changed token hash in the same
 * transaction; {@link KeyChangePoller} reads them when {@link KeyChangeListener} hears a PostgreSQL notification,
 * and every few hundred milliseconds in any case, and evicts exactly the keys that changed (everything, when the
 * log has a gap). The cache is trusted only until {@code max-staleness} after the start of the last successful
 * poll: when polls fail or stall, every request reads the database (fails closed) instead of answering from memory
 * that may be stale.</li>
 * <li><b>Unknown hashes</b> are kept apart and bounded separately, so random tokens cannot push known keys out.
 * The hash of every key created, here or on another instance, is dropped from them as the creation is seen, so
 * they never hide a new key for longer than a revocation takes to arrive.</li>
 * </ul>
 */
@Component
class CredentialCache {

	private final Cache<TokenDigest, CachedCredential> known;

	private final Cache<TokenDigest, Boolean> unknown;

	/** Moved by every invalidation of known keys; written only under the lock. */
	private volatile long generation;

	/**
	 * Moved whenever unknown hashes are forgotten (a key was created); written only under the lock. Apart from
	 * {@link #generation} so that key creations, which cannot make a known key stale, do not refuse its store.
	 */
	private volatile long unknownGeneration;

	/** {@link System#nanoTime()} until which the cache may answer; monotonic, so a clock change cannot extend it. */
	private volatile long trustedUntilNanos;

	private volatile boolean trusted;

	CredentialCache(CredentialCacheProperties properties) {
		this.known = Caffeine.newBuilder().maximumSize(properties.maxEntries()).build();
		this.unknown = Caffeine.newBuilder().maximumSize(properties.maxUnknownEntries()).build();
	}

	/**
	 * @return the key remembered for this hash, {@link CachedCredential#UNKNOWN} when the database did not know it,
	 * or {@code null} when the database must be asked (not cached, or the cache is not trusted now)
	 */
	CachedCredential lookup(TokenDigest digest) {
		if (!isTrusted()) {
			return null;
		}
		CachedCredential credential = this.known.getIfPresent(digest);
		if (credential != null) {
			return credential;
		}
		return (this.unknown.getIfPresent(digest) != null) ? CachedCredential.UNKNOWN : null;
	}

	/** Take before reading the database; pass to {@link #remember}. */
	long stamp() {
		return this.generation;
	}

	/** Take before reading the database; pass to {@link #rememberUnknown}. */
	long unknownStamp() {
		return this.unknownGeneration;
	}

	synchronized void remember(TokenDigest digest, CachedCredential credential, long stamp) {
		if (stamp == this.generation) {
			this.known.put(digest, credential);
		}
	}

	synchronized void rememberUnknown(TokenDigest digest, long unknownStamp) {
		if (unknownStamp == this.unknownGeneration) {
			this.unknown.put(digest, Boolean.TRUE);
		}
	}

	/** After a key's state changed: forget it. */
	synchronized void evict(TokenDigest digest) {
		this.generation++;
		this.known.invalidate(digest);
	}

	/** After a tenant's access or defaults changed (production, suspension, rate limit): forget its keys. */
	synchronized void evictTenant(TenantId tenant) {
		this.generation++;
		this.known.asMap().values().removeIf((credential) -> credential.key().tenantId().equals(tenant));
	}

	/** After a key was created: its token may have been presented, and remembered as unknown, before. */
	synchronized void forgetUnknown(TokenDigest digest) {
		this.unknownGeneration++;
		this.unknown.invalidate(digest);
	}

	/** After changes this instance cannot attribute, such as a gap in the change log. */
	synchronized void clear() {
		this.generation++;
		this.unknownGeneration++;
		this.known.invalidateAll();
		this.unknown.invalidateAll();
	}

	void trustUntil(long nanos) {
		this.trustedUntilNanos = nanos;
		this.trusted = true;
	}

	void distrust() {
		this.trusted = false;
	}

	boolean isTrusted() {
		return this.trusted && System.nanoTime() - this.trustedUntilNanos < 0;
	}

	/** How many known keys are held, once pending evictions have run. */
	long size() {
		this.known.cleanUp();
		return this.known.estimatedSize();
	}

	/** How many unknown hashes are held, once pending evictions have run. */
	long unknownSize() {
		this.unknown.cleanUp();
		return this.unknown.estimatedSize();
	}

}
