package dev.latchkey.apikey.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.apikey.RateLimitState;
import dev.latchkey.apikey.Verification;
import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of the verify endpoint: a valid key and what it may do, or why it is refused. */
@Schema(oneOf = { VerifyResponse.Valid.class, VerifyResponse.Invalid.class })
sealed interface VerifyResponse {

	static VerifyResponse of(Verification verification) {
		if (!verification.isValid()) {
			return new Invalid(false, verification.status().reason());
		}
		var key = verification.key();
		RateLimitState rate = verification.rateLimit();
		return new Valid(true, key.publicId(), key.name(), key.environment().value(), key.scopes().list(),
				key.expiresAt(), new RateLimitStatus(rate.limit().requests(), rate.remaining(), rate.resetSeconds()));
	}

	@Schema(name = "VerifiedKeySchema")
	record Valid(@Schema(allowableValues = "true") boolean valid, @JsonProperty("key_id") String keyId, String name,
			@Schema(allowableValues = { "development", "production" }) String environment, List<String> scopes,
			@JsonProperty("expires_at") @Schema(nullable = true) Instant expiresAt,
			@JsonProperty("rate_limit_status") RateLimitStatus rateLimitStatus) implements VerifyResponse {
	}

	@Schema(name = "RefusedKeySchema")
	record Invalid(@Schema(allowableValues = "false") boolean valid,
			@Schema(allowableValues = { "expired", "inactive", "not_found", "rate_limited", "ip_not_allowed" })
			String reason) implements VerifyResponse {
	}

	record RateLimitStatus(long limit, long remaining, @JsonProperty("reset_seconds") long resetSeconds) {
	}

}
