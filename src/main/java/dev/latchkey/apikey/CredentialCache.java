package dev.latchkey.apikey;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.latchkey.shared.TenantId;

import org.springframework.stereotype.Component;

/**
 * This instance's memory of credentials, by token hash: known keys (active, deactivated or deleted alike) and
 * hashes the database did not know. A hit costs one map look-up and no database access.
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
 * <li><b>Other instances.</b> Every change also moves a counter row in the same transaction; {@link KeyChangePoller}
 * reads it every few hundred milliseconds and clears the cache when it moved. The cache is trusted only until
 * {@code max-staleness} after the start of the last successful poll: when polls fail or stall, every request
 * reads the database (fails closed) instead of answering from memory that may be stale.</li>
 * <li><b>Unknown hashes</b> are kept apart and bounded separately, so random tokens cannot push known keys out.
 * They are forgotten whenever any key is created here or the counter moves, so they can never hide a new key.</li>
 * </ul>
 */
@Component
class CredentialCache {

	private final Map<String, CachedCredential> known = new ConcurrentHashMap<>();

	private final Set<String> unknown = ConcurrentHashMap.newKeySet();

	private final int maxEntries;

	private final int maxUnknownEntries;

	/** Moved by every invalidation; written only under the lock. */
	private volatile long generation;

	/** {@link System#nanoTime()} until which the cache may answer; monotonic, so a clock change cannot extend it. */
	private volatile long trustedUntilNanos;

	private volatile boolean trusted;

	CredentialCache(CredentialCacheProperties properties) {
		this.maxEntries = properties.maxEntries();
		this.maxUnknownEntries = properties.maxUnknownEntries();
	}

	/**
	 * @return the key remembered for this hash, {@link CachedCredential#UNKNOWN} when the database did not know it,
	 * or {@code null} when the database must be asked (not cached, or the cache is not trusted now)
	 */
	CachedCredential lookup(String tokenHash) {
		if (!isTrusted()) {
			return null;
		}
		CachedCredential credential = this.known.get(tokenHash);
		if (credential != null) {
			return credential;
		}
		return this.unknown.contains(tokenHash) ? CachedCredential.UNKNOWN : null;
	}

	/** Take before reading the database; pass to {@link #remember} or {@link #rememberUnknown}. */
	long stamp() {
		return this.generation;
	}

	synchronized void remember(String tokenHash, CachedCredential credential, long stamp) {
		if (stamp != this.generation) {
			return;
		}
		if (this.known.size() >= this.maxEntries) {
			evictSome(this.known.keySet().iterator(), Math.max(1, this.maxEntries / 100));
		}
		this.known.put(tokenHash, credential);
	}

	synchronized void rememberUnknown(String tokenHash, long stamp) {
		if (stamp != this.generation) {
			return;
		}
		if (this.unknown.size() >= this.maxUnknownEntries) {
			this.unknown.clear();
		}
		this.unknown.add(tokenHash);
	}

	/** After a key's state changed: forget it (it is found by id, its hash is not kept outside the cache). */
	synchronized void evict(long keyId) {
		this.generation++;
		this.known.values().removeIf((credential) -> credential.keyId() == keyId);
	}

	/** After a tenant's access changed (production revoked or granted, suspended or resumed): forget its keys. */
	synchronized void evictTenant(TenantId tenant) {
		this.generation++;
		this.known.values().removeIf((credential) -> credential.key().tenantId().equals(tenant));
	}

	/** After a key was created: an unknown hash might be its token. */
	synchronized void forgetUnknown() {
		this.generation++;
		this.unknown.clear();
	}

	/** After a change this instance cannot attribute, such as one made on another instance. */
	synchronized void clear() {
		this.generation++;
		this.known.clear();
		this.unknown.clear();
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

	int size() {
		return this.known.size();
	}

	private static void evictSome(Iterator<String> hashes, int count) {
		for (int i = 0; i < count && hashes.hasNext(); i++) {
			hashes.next();
			hashes.remove();
		}
	}

}
