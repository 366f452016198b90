package dev.latchkey.apikey.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.apikey.ApiKey;
import io.swagger.v3.oas.annotations.media.Schema;

/** A key as the API shows it: never its token or hash, only the prefix. */
@Schema(name = "ApiKeySchema")
record KeyResponse(@JsonProperty("heron_id") @Schema(accessMode = Schema.AccessMode.READ_ONLY) String heronId,
		@Schema(accessMode = Schema.AccessMode.READ_ONLY) String name,
		@JsonProperty("token_prefix") @Schema(accessMode = Schema.AccessMode.READ_ONLY) String tokenPrefix,
		@Schema(allowableValues = { "development", "production" }) String environment,
		@Schema(accessMode = Schema.AccessMode.READ_ONLY) Instant created,
		@JsonProperty("expires_at") @Schema(nullable = true) Instant expiresAt,
		@JsonProperty("is_active") @Schema(accessMode = Schema.AccessMode.READ_ONLY) boolean isActive,
		@Schema(allowableValues = { "active", "inactive", "expired" }) String status,
		@JsonProperty("created_by") @Schema(description = "Email of the user who created the key") String createdBy,
		@JsonProperty("last_used_at") @Schema(nullable = true, description = "To the minute") Instant lastUsedAt,
		@Schema(description = "What the key may do") List<String> scopes,
		@JsonProperty("rate_limit") @Schema(nullable = true,
				description = "The key's own rate limit; null: the tenant's default applies") RateLimitBody rateLimit,
		@JsonProperty("allowed_ips") @Schema(description = "Where the key may be used from; empty: anywhere")
		List<String> allowedIps,
		@JsonProperty("rolled_from") @Schema(nullable = true,
				description = "The key this one replaced by a roll") KeyLinkBody rolledFrom,
		@JsonProperty("rolled_to") @Schema(nullable = true,
				description = "The key that replaced this one by a roll") KeyLinkBody rolledTo) {

	static KeyResponse of(ApiKey key, Clock clock) {
		return new KeyResponse(key.publicId(), key.name(), key.tokenPrefix(), key.environment().value(),
				key.createdAt(), key.expiresAt(), key.isActive(), key.statusAt(clock.instant()).name().toLowerCase(),
				key.createdBy().email(), key.lastUsedAt(), key.scopes().list(),
				RateLimitBody.of(key.rateLimit()), key.allowedIps().list(),
				KeyLinkBody.of(key.rolledFrom()), KeyLinkBody.of(key.rolledTo()));
	}

}
