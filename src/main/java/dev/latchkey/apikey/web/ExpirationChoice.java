package dev.latchkey.apikey.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

/** The expiration presets of the create dialog. */
enum ExpirationChoice {

	NEVER("never", "Never", 0), DAYS_7("7d", "7 days", 7), DAYS_30("30d", "30 days", 30),
	DAYS_60("60d", "60 days", 60), DAYS_90("90d", "90 days", 90), YEAR("1y", "1 year", 0),
	CUSTOM("custom", "Custom date", 0);

	private final String value;

	private final String label;

	private final int days;

	ExpirationChoice(String value, String label, int days) {
		this.value = value;
		this.label = label;
		this.days = days;
	}

	public String value() {
		return this.value;
	}

	public String label() {
		return this.label;
	}

	static Optional<ExpirationChoice> of(String value) {
		return Arrays.stream(values()).filter((choice) -> choice.value.equals(value)).findFirst();
	}

	/** When a key created now with this preset expires; {@code null} for never. Not for {@link #CUSTOM}. */
	Instant expiresAt(Instant now) {
		return switch (this) {
			case NEVER -> null;
			case YEAR -> now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
			case CUSTOM -> throw new IllegalStateException("a custom expiration needs its date");
			default -> now.plus(java.time.Duration.ofDays(this.days));
		};
	}

}
