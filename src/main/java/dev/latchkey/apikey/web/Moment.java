package dev.latchkey.apikey.web;

import java.time.Duration;
import java.time.Instant;

/**
 * A time as the key table shows it: relative to the server's clock ("3 days ago", "in 6 hours"), which also
 * decides whether a key has expired, so the two never disagree. The exact time goes with it in UTC; the browser
 * rewrites it into its own time zone from {@code iso} (latchkey.js).
 *
 * @param iso for {@code <time datetime>}
 * @param exact "1 Dec 2026, 05:44 UTC"
 */
record Moment(String iso, String relative, String exact) {

	/** {@code null} for no time at all (never expires, never used). */
	static Moment of(Instant instant, Instant now) {
		return (instant != null) ? new Moment(instant.toString(), relative(instant, now), KeyView.dateTime(instant))
				: null;
	}

	/**
	 * Rounded to the nearest whole unit, the unit growing with the distance: seconds read as "just now", then
	 * minutes, hours, days, months (of 30 days) and years (of 365).
	 */
	static String relative(Instant instant, Instant now) {
		Duration distance = Duration.between(now, instant);
		boolean future = !distance.isNegative();
		long seconds = distance.abs().getSeconds();
		String amount;
		if (seconds < 45) {
			return future ? "in less than a minute" : "just now";
		}
		else if (seconds < 45 * 60) {
			amount = plural(Math.max(1, Math.round(seconds / 60.0)), "minute");
		}
		else if (seconds < 22 * 3600) {
			amount = plural(Math.round(seconds / 3600.0), "hour");
		}
		else if (seconds < 26 * 86400) {
			amount = plural(Math.max(1, Math.round(seconds / 86400.0)), "day");
		}
		else if (seconds < 320 * 86400) {
			amount = plural(Math.max(1, Math.round(seconds / (30 * 86400.0))), "month");
		}
		else {
			amount = plural(Math.max(1, Math.round(seconds / (365 * 86400.0))), "year");
		}
		return future ? "in " + amount : amount + " ago";
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

}
