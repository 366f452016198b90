package dev.latchkey.apikey.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.apikey.CreatedApiKey;
import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a create call: the only response that ever carries the full token. */
@Schema(name = "ApiKeyCreatedSchema")
record KeyCreatedResponse(@Schema(accessMode = Schema.AccessMode.READ_ONLY) Instant created,
		@JsonProperty("heron_id") @Schema(accessMode = Schema.AccessMode.READ_ONLY) String heronId,
		@JsonProperty("is_active") @Schema(accessMode = Schema.AccessMode.READ_ONLY) boolean isActive,
		@Schema(accessMode = Schema.AccessMode.READ_ONLY) String name,
		@Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Full token - shown only once") String token,
		@JsonProperty("token_prefix") @Schema(accessMode = Schema.AccessMode.READ_ONLY) String tokenPrefix,
		@JsonProperty("expires_at") @Schema(accessMode = Schema.AccessMode.READ_ONLY, nullable = true) Instant expiresAt,
		@Schema(accessMode = Schema.AccessMode.READ_ONLY) String environment,
		@JsonProperty("created_by") @Schema(accessMode = Schema.AccessMode.READ_ONLY) String createdBy,
		@Schema(accessMode = Schema.AccessMode.READ_ONLY) List<String> scopes,
		@JsonProperty("rate_limit") @Schema(accessMode = Schema.AccessMode.READ_ONLY, nullable = true,
				description = "The key's own rate limit; null: the tenant's default applies") RateLimitBody rateLimit,
		@JsonProperty("allowed_ips") @Schema(accessMode = Schema.AccessMode.READ_ONLY,
				description = "Where the key may be used from, normalised; empty: anywhere") List<String> allowedIps,
		@JsonProperty("rolled_from") @Schema(accessMode = Schema.AccessMode.READ_ONLY, nullable = true,
				description = "After a roll: the key this one replaces") KeyLinkBody rolledFrom) {

	static KeyCreatedResponse of(CreatedApiKey created) {
		var key = created.key();
		return new KeyCreatedResponse(key.createdAt(), key.publicId(), key.isActive(), key.name(), created.token(),
				key.tokenPrefix(), key.expiresAt(), key.environment().value(), key.createdBy().email(),
				key.scopes().list(), RateLimitBody.of(key.rateLimit()), key.allowedIps().list(),
				KeyLinkBody.of(key.rolledFrom()));
	}

	@Override
	public String toString() {
		return "KeyCreatedResponse[heronId=" + this.heronId + ", tokenPrefix=" + this.tokenPrefix + "]";
	}

}
