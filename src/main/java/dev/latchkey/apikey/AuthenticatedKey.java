package dev.latchkey.apikey;

import java.time.Instant;

import dev.latchkey.shared.UserId;
import dev.latchkey.shared.TenantId;

/**
 * What an API request knows about the key that authenticated it. The API acts as the key's owner, the user who
 * created it.
 */
public record AuthenticatedKey(long keyId, String publicId, TenantId tenantId, String tenantName, String name,
		Environment environment, UserId owner, Instant expiresAt) {
}
