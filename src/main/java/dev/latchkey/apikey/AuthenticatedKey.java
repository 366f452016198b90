package dev.latchkey.apikey;

import java.time.Instant;

import dev.latchkey.shared.UserId;
import dev.latchkey.shared.TenantId;

/**
 * What an API request knows about the key that authenticated it. The API acts as the key's owner, the user who
 * created it, and never beyond the key's scopes.
 *
 * @param allowedIps where the key may be used from
 * @param rateLimit the key's own limit, else its tenant's default; {@code null} for the installation's default
 */
public record AuthenticatedKey(long keyId, String publicId, TenantId tenantId, String tenantName, String name,
		Environment environment, UserId owner, Instant expiresAt, Scopes scopes, RateLimit rateLimit, IpAllowlist allowedIps) {

	/** A key with every built-in scope, as every key had before scopes existed. */
	public AuthenticatedKey(long keyId, String publicId, TenantId tenantId, String tenantName, String name,
			Environment environment, UserId owner, Instant expiresAt) {
		this(keyId, publicId, tenantId, tenantName, name, environment, owner, expiresAt, Scopes.ALL_BUILT_IN, null,
				IpAllowlist.ANYWHERE);
	}

	/** @throws KeyRefusedException naming the scope when the key lacks it */
	public void requireScope(String scope) {
		if (!this.scopes.has(scope)) {
			throw KeyRefusedException.missingScope(scope);
		}
	}

}
