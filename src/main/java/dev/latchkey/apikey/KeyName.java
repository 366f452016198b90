package dev.latchkey.apikey;

import java.text.Normalizer;

import dev.latchkey.InvalidInputException;

/** The rules for a key's name, the same in the dashboard and the API. */
final class KeyName {

	static final int MAX_LENGTH = 128;

	private KeyName() {
	}

	/**
	 * @return the name NFC-normalised and trimmed, or an {@link InvalidInputException} naming the {@code name}
	 * field
	 */
	static String check(String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "name is required");
		}
		// NFC first, so that the same name typed on two keyboards is stored, searched and compared the same way
		String trimmed = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
		if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
			throw new InvalidInputException("name", "name must be at most " + MAX_LENGTH + " characters");
		}
		if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
			throw new InvalidInputException("name", "name must not contain control characters");
		}
		// A right-to-left override can make a name display as another one ("txt.exe" as "exe.txt"), and an
		// invisible character makes two names that look identical differ: both would mislead whoever reads the list.
		if (trimmed.codePoints().anyMatch(KeyName::isBidiControl)) {
			throw new InvalidInputException("name", "name must not contain text-direction control characters");
		}
		if (trimmed.codePoints().anyMatch(KeyName::isInvisible)) {
			throw new InvalidInputException("name", "name must not contain invisible (zero-width) characters");
		}
		return trimmed;
	}

	private static boolean isBidiControl(int c) {
		return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
				|| c == 0x061C;
	}

	private static boolean isInvisible(int c) {
		return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x180E
				|| Character.getType(c) == Character.FORMAT;
	}

}
