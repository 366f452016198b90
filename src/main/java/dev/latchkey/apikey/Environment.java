package dev.latchkey.apikey;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.latchkey.InvalidInputException;

/** Development and production credentials are told apart at the key level. */
public enum Environment {

	DEVELOPMENT, PRODUCTION;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses a client's choice; absent means development. */
	public static Environment parse(String value) {
		if (value == null || value.isBlank()) {
			return DEVELOPMENT;
		}
		return Arrays.stream(values())
			.filter((environment) -> environment.value().equals(value.trim()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("environment",
					"environment must be one of: " + Arrays.stream(values()).map(Environment::value)
						.collect(Collectors.joining(", "))));
	}

}
