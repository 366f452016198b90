package dev.latchkey.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import dev.latchkey.InvalidInputException;

/**
 * Where a page of the audit log ends: the last event's time and id. The next page starts strictly after it in
 * (occurred_at desc, id desc) order, so events with equal timestamps are neither repeated nor skipped, and a page
 * deep in a million events costs as much as the first (no offset). Opaque to callers: base64url of
 * "epochSecond.nanos.id".
 */
public record AuditCursor(Instant occurredAt, long id) {

	public String encode() {
		String text = this.occurredAt.getEpochSecond() + "." + this.occurredAt.getNano() + "." + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * @return the cursor, or {@code null} for a blank one (the first page)
	 * @throws InvalidInputException naming {@code cursor} when it is not one this class made
	 */
	public static AuditCursor decode(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			if (cursor.length() > 100) {
				throw new IllegalArgumentException("too long");
			}
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII)
				.split("\\.", -1);
			if (parts.length != 3) {
				throw new IllegalArgumentException("three parts expected");
			}
			long seconds = Long.parseLong(parts[0]);
			int nanos = Integer.parseInt(parts[1]);
			long id = Long.parseLong(parts[2]);
			if (nanos < 0 || nanos > 999_999_999 || id < 0 || seconds < 0 || seconds > 253_402_300_799L) {
				throw new IllegalArgumentException("out of range");
			}
			return new AuditCursor(Instant.ofEpochSecond(seconds, nanos), id);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("cursor", "cursor is not one this API returned");
		}
	}

}
