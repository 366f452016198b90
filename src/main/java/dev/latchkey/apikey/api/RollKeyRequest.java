package dev.latchkey.apikey.api;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a roll call: how long the old key keeps working. The range is checked by the key service. */
@Schema(name = "RollKeySchema")
record RollKeyRequest(@JsonProperty("expire_old_in_seconds") @Schema(
		description = "Seconds until the old key stops working: 0 (now) to 604800 (7 days). It never works longer "
				+ "than it already would.",
		requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "604800",
		example = "86400") Long expireOldInSeconds) {

	Duration grace() {
		if (this.expireOldInSeconds == null) {
			throw new InvalidInputException("expire_old_in_seconds", "expire_old_in_seconds is required");
		}
		if (this.expireOldInSeconds < 0 || this.expireOldInSeconds > Duration.ofDays(7).toSeconds()) {
			// the service says the same; checked here too so that no Duration overflows for absurd numbers
			throw new InvalidInputException("expire_old_in_seconds", "expire_old_in_seconds must be between 0 and "
					+ Duration.ofDays(7).toSeconds());
		}
		return Duration.ofSeconds(this.expireOldInSeconds);
	}

}
