package dev.latchkey.security;

/**
 * What the request firewall lets through in header names and values: exactly what {@code StrictHttpFirewall}'s
 * default patterns allow ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for names, the same plus tab for values), by
 * a loop instead of a regular expression. The firewall checks every header the application reads, on every
 * request; an API request reads several, and the {@code x-api-key} value alone is 52 characters, which the
 * expression matched one code point at a time through a chain of predicates (about 1 % of an API request's CPU in
 * a profile of {@code bench/}). Printable ASCII, nearly every header, is decided by one comparison a character.
 */
final class HeaderText {

	private HeaderText() {
	}

	static boolean isAllowedName(String name) {
		return allowed(name, false);
	}

	static boolean isAllowedValue(String value) {
		return allowed(value, true);
	}

	private static boolean allowed(String text, boolean tab) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 || c >= 0x7f) && !(tab && c == '\t')) {
				return allowedBeyondAscii(text, i, tab);
			}
		}
		return true;
	}

	private static boolean allowedBeyondAscii(String text, int from, boolean tab) {
		for (int i = from; i < text.length();) {
			int codePoint = text.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
