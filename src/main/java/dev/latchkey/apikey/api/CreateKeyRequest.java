package dev.latchkey.apikey.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.InvalidInputException;
import dev.latchkey.apikey.NewApiKey;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of a create call. The annotations document the contract; the rules themselves are checked once, by
 * the key service.
 */
@Schema(name = "CreateKeySchema")
record CreateKeyRequest(
		@Schema(description = "A descriptive name for the key", requiredMode = Schema.RequiredMode.REQUIRED,
				minLength = 1, maxLength = 128) String name,
		@JsonProperty("expires_at") @Schema(description = "When the key stops working (RFC 3339); absent for never",
				format = "date-time", type = "string") String expiresAt,
		@Schema(description = "development (default) or production, where the tenant has production",
				allowableValues = { "development", "production" }) String environment,
		@ArraySchema(arraySchema = @Schema(description = "What the key may do: keys:read, keys:write, keys:verify and "
				+ "the tenant's own scope names. Absent: every built-in scope when a person creates the key, the "
				+ "calling key's scopes when a key does; a key can only hand out scopes it has itself"),
				schema = @Schema(pattern = "^[a-z][a-z0-9_.:-]{0,63}$")) List<String> scopes,
		@JsonProperty("rate_limit") @Schema(description = "This key's own rate limit; absent: the tenant's default",
				nullable = true) RateLimitBody rateLimit,
		@JsonProperty("allowed_ips") @ArraySchema(arraySchema = @Schema(description = "IPv4/IPv6 addresses and CIDR "
				+ "ranges the key may be used from (at most 100); absent or empty: anywhere"),
				schema = @Schema(example = "203.0.113.0/24")) List<String> allowedIps) {

	NewApiKey toNewApiKey() {
		return new NewApiKey(this.name, parseExpiresAt(), this.environment, this.scopes,
				(this.rateLimit != null) ? this.rateLimit.toRateLimit() : null, this.allowedIps);
	}

	private java.time.Instant parseExpiresAt() {
		if (this.expiresAt == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(this.expiresAt.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("expires_at",
					"expires_at must be an RFC 3339 date-time with an offset, such as 2030-01-31T12:00:00Z");
		}
	}

}
