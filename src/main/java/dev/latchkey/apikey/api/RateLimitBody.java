package dev.latchkey.apikey.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.apikey.RateLimit;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code "rate_limit": {"requests": 600, "per_seconds": 60}}: at most that many requests in any such window. */
@Schema(name = "RateLimitSchema")
record RateLimitBody(@Schema(minimum = "1", maximum = "100000000", example = "600") Integer requests,
		@JsonProperty("per_seconds") @Schema(minimum = "1", maximum = "86400", example = "60") Integer perSeconds) {

	RateLimit toRateLimit() {
		return RateLimit.of(this.requests, this.perSeconds, "rate_limit");
	}

	static RateLimitBody of(RateLimit limit) {
		return (limit != null) ? new RateLimitBody(limit.requests(), limit.perSeconds()) : null;
	}

}
