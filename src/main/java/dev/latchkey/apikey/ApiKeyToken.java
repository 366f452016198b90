package dev.latchkey.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret a client sends in the {@code x-api-key} header: {@code key_} followed by 48 lower-case hex
 * characters (192 random bits).
 */
public final class ApiKeyToken {

	static final String MARKER = "key_";

	static final int RANDOM_BYTES = 24;

	public static final int LENGTH = MARKER.length() + RANDOM_BYTES * 2;

	/** What is shown of a key after its creation: enough to tell keys apart, far too little to use one. */
	public static final int PREFIX_LENGTH = 8;

	private static final HexFormat HEX = HexFormat.of();

	private ApiKeyToken() {
	}

	public static String generate(SecureRandom random) {
		byte[] bytes = new byte[RANDOM_BYTES];
		random.nextBytes(bytes);
		return MARKER + HEX.formatHex(bytes);
	}

	/**
	 * Whether a presented value could be a token at all. Anything else is refused without a database look-up,
	 * whatever its size or bytes.
	 */
	public static boolean isWellFormed(String candidate) {
		if (candidate == null || candidate.length() != LENGTH || !candidate.startsWith(MARKER)) {
			return false;
		}
		for (int i = MARKER.length(); i < LENGTH; i++) {
			char c = candidate.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

	public static String prefix(String token) {
		return token.substring(0, PREFIX_LENGTH);
	}

	/**
	 * SHA-256 of the whole token, hex encoded. A fast, unsalted hash is the right tool here and bcrypt or argon2
	 * would not be: the token carries 192 random bits, so no dictionary or brute force can reverse its hash, and a
	 * deterministic hash lets authentication find the key with one indexed equality look-up instead of checking
	 * every stored hash with a deliberately slow function on every request.
	 */
	public static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
			return HEX.formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
