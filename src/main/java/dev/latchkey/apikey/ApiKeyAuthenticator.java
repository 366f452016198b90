package dev.latchkey.apikey;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The per-request check of a presented token. A key this instance has seen recently is checked in memory: no
 * database read, no write (last-used times are queued and written in batches). Otherwise one indexed read, whose
 * answer is cached; see {@link CredentialCache} for why the cache never outlives a committed change.
 */
@Component
public class ApiKeyAuthenticator {

	private final ApiKeys keys;

	private final CredentialCache cache;

	private final LastUsedRecorder lastUsed;

	private final Clock clock;

	ApiKeyAuthenticator(ApiKeys keys, CredentialCache cache, LastUsedRecorder lastUsed, Clock clock) {
		this.keys = keys;
		this.cache = cache;
		this.lastUsed = lastUsed;
		this.clock = clock;
	}

	/** @return the key, if the presented value is the token of a key that works at this instant */
	public Optional<AuthenticatedKey> authenticate(String presented) {
		if (!ApiKeyToken.isWellFormed(presented)) {
			return Optional.empty();
		}
		String tokenHash = ApiKeyToken.hash(presented);
		CachedCredential credential = this.cache.lookup(tokenHash);
		if (credential == null) {
			credential = load(tokenHash);
		}
		Instant now = this.clock.instant();
		if (!credential.authenticatesAt(now)) {
			return Optional.empty();
		}
		credential.used(this.lastUsed, now);
		return Optional.of(credential.key());
	}

	private CachedCredential load(String tokenHash) {
		long stamp = this.cache.stamp();
		long unknownStamp = this.cache.unknownStamp();
		Optional<ApiKeys.StoredCredential> stored = this.keys.findCredential(tokenHash);
		if (stored.isEmpty()) {
			this.cache.rememberUnknown(tokenHash, unknownStamp);
			return CachedCredential.UNKNOWN;
		}
		CachedCredential credential = CachedCredential.of(stored.get());
		this.cache.remember(tokenHash, credential, stamp);
		return credential;
	}

}
