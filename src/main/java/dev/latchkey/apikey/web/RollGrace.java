package dev.latchkey.apikey.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The Roll key dialog's choices: when the old key stops working. */
enum RollGrace {

	NOW("now", "Now", Duration.ZERO), HOUR("1h", "In 1 hour", Duration.ofHours(1)),
	DAY("24h", "In 24 hours", Duration.ofHours(24)), WEEK("7d", "In 7 days", Duration.ofDays(7));

	private final String value;

	private final String label;

	private final Duration grace;

	RollGrace(String value, String label, Duration grace) {
		this.value = value;
		this.label = label;
		this.grace = grace;
	}

	public String value() {
		return this.value;
	}

	public String label() {
		return this.label;
	}

	Duration grace() {
		return this.grace;
	}

	static Optional<RollGrace> of(String value) {
		return Arrays.stream(values()).filter((choice) -> choice.value.equals(value)).findFirst();
	}

}
