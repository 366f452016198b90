package dev.latchkey.apikey;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The per-request check of a presented token: no database write, at most one indexed read. */
@Component
public class ApiKeyAuthenticator {

	private final ApiKeys keys;

	private final LastUsedRecorder lastUsed;

	private final Clock clock;

	ApiKeyAuthenticator(ApiKeys keys, LastUsedRecorder lastUsed, Clock clock) {
		this.keys = keys;
		this.lastUsed = lastUsed;
		this.clock = clock;
	}

	/** @return the key, if the presented value is the token of a key that works at this instant */
	public Optional<AuthenticatedKey> authenticate(String presented) {
		if (!ApiKeyToken.isWellFormed(presented)) {
			return Optional.empty();
		}
		Optional<ApiKeys.StoredCredential> stored = this.keys.findCredential(ApiKeyToken.hash(presented));
		Instant now = this.clock.instant();
		if (stored.isEmpty() || !stored.get().enabled() || isExpired(stored.get().key(), now)) {
			return Optional.empty();
		}
		AuthenticatedKey key = stored.get().key();
		this.lastUsed.used(key.keyId(), stored.get().lastUsedAt(), now);
		return Optional.of(key);
	}

	private static boolean isExpired(AuthenticatedKey key, Instant now) {
		return key.expiresAt() != null && !now.isBefore(key.expiresAt());
	}

}
