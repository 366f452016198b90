package dev.latchkey.apikey;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.latchkey.shared.TenantId;

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

	private final LegacyTokens legacyTokens;

	private final RateLimiter rateLimiter;

	private final IpRefusals ipRefusals;

	ApiKeyAuthenticator(ApiKeys keys, CredentialCache cache, LastUsedRecorder lastUsed, Clock clock,
			LegacyTokens legacyTokens, RateLimiter rateLimiter, IpRefusals ipRefusals) {
		this.ipRefusals = ipRefusals;
		this.legacyTokens = legacyTokens;
		this.rateLimiter = rateLimiter;
		this.keys = keys;
		this.cache = cache;
		this.lastUsed = lastUsed;
		this.clock = clock;
	}

	/** @return the key, if the presented value is the token of a key that works at this instant */
	public Optional<AuthenticatedKey> authenticate(String presented) {
		Verification verification = verify(presented);
		return verification.isValid() ? Optional.of(verification.key()) : Optional.empty();
	}

	/**
	 * The whole check of a request's key, in memory for a cached key: the token and the key's state (see
	 * {@link #verify(String)}), then its tenant, then the client's address, then its rate limit, which a refused
	 * request does not spend.
	 * @param onlyTenant {@code null} for any tenant; otherwise another tenant's key is {@code NOT_FOUND}
	 */
	public Verification verify(String presented, String clientAddress, TenantId onlyTenant) {
		CachedCredential credential = credential(presented);
		Verification verification = check(credential);
		AuthenticatedKey key = verification.key();
		if (key != null && onlyTenant != null && !onlyTenant.equals(key.tenantId())) {
			// nothing about another tenant's key, not even that it expired
			return Verification.NOT_FOUND;
		}
		if (!verification.isValid()) {
			return verification;
		}
		if (!key.allowedIps().allows(clientAddress)) {
			this.ipRefusals.refused(key, clientAddress);
			return new Verification(VerificationStatus.IP_NOT_ALLOWED, key, null);
		}
		RateLimitState rateLimit = this.rateLimiter.consume(credential);
		return new Verification(rateLimit.allowed() ? VerificationStatus.VALID : VerificationStatus.RATE_LIMITED, key,
				rateLimit);
	}

	/**
	 * Checks a presented token: its form, then its checksum (a wrong one is refused without the database unless it
	 * is one of the keys made before checksums), then the key's state, from memory when cached.
	 */
	public Verification verify(String presented) {
		return check(credential(presented));
	}

	/** What this instance knows of a presented token: from memory when cached, else from the database. */
	private CachedCredential credential(String presented) {
		if (!ApiKeyToken.isWellFormed(presented)) {
			return CachedCredential.UNKNOWN;
		}
		TokenDigest digest = TokenDigest.of(presented);
		if (!ApiKeyToken.hasValidChecksum(presented) && !this.legacyTokens.contains(digest.hex())) {
			return CachedCredential.UNKNOWN;
		}
		CachedCredential credential = this.cache.lookup(digest);
		return (credential != null) ? credential : load(digest);
	}

	private Verification check(CachedCredential credential) {
		Instant now = this.clock.instant();
		VerificationStatus status = credential.statusAt(now);
		if (status == VerificationStatus.NOT_FOUND) {
			return Verification.NOT_FOUND;
		}
		if (status.isValid()) {
			credential.used(this.lastUsed, now);
		}
		return new Verification(status, credential.key(), null);
	}

	private CachedCredential load(TokenDigest digest) {
		long stamp = this.cache.stamp();
		long unknownStamp = this.cache.unknownStamp();
		Optional<ApiKeys.StoredCredential> stored = this.keys.findCredential(digest.hex());
		if (stored.isEmpty()) {
			this.cache.rememberUnknown(digest, unknownStamp);
			return CachedCredential.UNKNOWN;
		}
		CachedCredential credential = CachedCredential.of(stored.get());
		this.cache.remember(digest, credential, stamp);
		return credential;
	}

}
