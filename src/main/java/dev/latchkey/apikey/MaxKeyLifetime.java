package dev.latchkey.apikey;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import dev.latchkey.InvalidInputException;

/** How long a tenant's keys may live at most (Settings → Security): create, roll and extend stay within it. */
public enum MaxKeyLifetime {

	NONE(0, "No maximum"), DAYS_30(30, "30 days"), DAYS_90(90, "90 days"), DAYS_180(180, "180 days"),
	DAYS_365(365, "365 days");

	private final int days;

	private final String label;

	MaxKeyLifetime(int days, String label) {
		this.days = days;
		this.label = label;
	}

	/** {@code 0} for no maximum. */
	public int days() {
		return this.days;
	}

	public String label() {
		return this.label;
	}

	public boolean limited() {
		return this.days > 0;
	}

	/**
	 * The latest expiry a key made or changed now may have; {@code null} for no maximum. 365 days also admits
	 * the create dialog's "1 year", which is a day longer in a leap year.
	 */
	public Instant latestExpiry(Instant now) {
		if (!limited()) {
			return null;
		}
		Instant days = now.plus(Duration.ofDays(this.days));
		if (this.days == 365) {
			Instant year = now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
			return year.isAfter(days) ? year : days;
		}
		return days;
	}

	/**
	 * Refuses an expiry later than the maximum, or never, naming the field it concerns.
	 * @param expiresAt {@code null} for never
	 */
	void check(Instant expiresAt, Instant now, String field) {
		if (!limited()) {
			return;
		}
		if (expiresAt == null) {
			throw new InvalidInputException(field, "Your tenant's maximum key lifetime is " + this.label
					+ ": a key cannot be set to never expire");
		}
		if (expiresAt.isAfter(latestExpiry(now))) {
			throw new InvalidInputException(field, "Your tenant's maximum key lifetime is " + this.label + ": " + field
					+ " must be at most " + this.days + " days from now");
		}
	}

	/** @param days {@code null} or {@code 0} for no maximum */
	public static MaxKeyLifetime ofDays(Integer days, String field) {
		int wanted = (days != null) ? days : 0;
		return Arrays.stream(values())
			.filter((lifetime) -> lifetime.days == wanted)
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(field,
					field + " must be one of none, 30, 90, 180 or 365 days"));
	}

}
