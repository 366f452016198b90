package dev.latchkey.apikey;

import dev.latchkey.InvalidInputException;

/** The rules for a key's name, the same in the dashboard and the API. */
final class KeyName {

	static final int MAX_LENGTH = 128;

	private KeyName() {
	}

	/** @return the name trimmed, or an {@link InvalidInputException} naming the {@code name} field */
	static String check(String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "name is required");
		}
		String trimmed = name.strip();
		if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
			throw new InvalidInputException("name", "name must be at most " + MAX_LENGTH + " characters");
		}
		if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
			throw new InvalidInputException("name", "name must not contain control characters");
		}
		return trimmed;
	}

}
