package dev.latchkey.apikey.api;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.InvalidInputException;
import dev.latchkey.apikey.KeyEdit;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of a PATCH: {@code name} and/or {@code expires_at}. A record cannot tell a property left out from one
 * sent as {@code null}, and here the two mean different things (unchanged, never), so each setter notes that its
 * property was sent. Unknown properties are refused by the strict JSON setup.
 */
@Schema(name = "UpdateKeySchema", description = "Only the properties sent are changed.")
final class UpdateKeyRequest {

	@Schema(description = "A new name, same rules as on create", minLength = 1, maxLength = 128)
	private String name;

	@Schema(description = "When the key stops working (RFC 3339); null for never. Also brings an expired key back.",
			format = "date-time", type = "string", nullable = true)
	private String expiresAt;

	private boolean nameSent;

	private boolean expiresAtSent;

	@JsonProperty("name")
	void setName(String name) {
		this.name = name;
		this.nameSent = true;
	}

	@JsonProperty("expires_at")
	void setExpiresAt(String expiresAt) {
		this.expiresAt = expiresAt;
		this.expiresAtSent = true;
	}

	@JsonProperty("name")
	String getName() {
		return this.name;
	}

	@JsonProperty("expires_at")
	String getExpiresAt() {
		return this.expiresAt;
	}

	/** Read after binding, so that a bad date is named like any other rule the service checks. */
	KeyEdit toEdit() {
		KeyEdit edit = KeyEdit.NOTHING;
		if (this.nameSent) {
			edit = edit.withName(this.name);
		}
		if (this.expiresAtSent) {
			edit = edit.withExpiration(parse(this.expiresAt));
		}
		return edit;
	}

	private static java.time.Instant parse(String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("expires_at",
					"expires_at must be an RFC 3339 date-time with an offset, such as 2030-01-31T12:00:00Z");
		}
	}

}
