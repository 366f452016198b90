package dev.latchkey.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The secret a client sends in the {@code x-api-key} header: {@code key_} followed by 48 lower-case hex
 * characters. Since issue 11 the first 40 are random (160 bits) and the last 8 are the CRC-32 (IEEE, as zlib's
 * {@code crc32}) of the ASCII text of those 40, most significant digit first: a token with a wrong checksum is
 * refused without a database look-up, and secret scanners can tell a real key from noise. Keys made before have
 * 48 random hex digits and no checksum; they keep working (see {@link LegacyTokens}).
 */
public final class ApiKeyToken {

	static final String MARKER = "key_";

	static final int RANDOM_BYTES = 20;

	static final int CHECKSUM_DIGITS = 8;

	public static final int LENGTH = MARKER.length() + RANDOM_BYTES * 2 + CHECKSUM_DIGITS;

	/** What a secret scanner looks for. */
	public static final String PATTERN = "\\bkey_[0-9a-f]{48}\\b";

	/** What is shown of a key after its creation: enough to tell keys apart, far too little to use one. */
	public static final int PREFIX_LENGTH = 8;

	private static final HexFormat HEX = HexFormat.of();

	/**
	 * One digest per thread ({@code digest()} resets it): looking SHA-256 up among the security providers on every
	 * API request cost about as much as the hashing itself.
	 */
	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	});

	private ApiKeyToken() {
	}

	public static String generate(SecureRandom random) {
		byte[] bytes = new byte[RANDOM_BYTES];
		random.nextBytes(bytes);
		String randomHex = HEX.formatHex(bytes);
		return MARKER + randomHex + checksum(randomHex);
	}

	/** The CRC-32 of the 40 random hex digits' ASCII text, as 8 lower-case hex digits. */
	static String checksum(CharSequence randomHex) {
		return HEX.toHexDigits((int) crc32(randomHex, 0, randomHex.length()));
	}

	/**
	 * Whether a well-formed token carries the checksum of its random part. False for a token made before checksums
	 * existed, and (but for one in four billion) for a made-up one. Runs on every API request: no formatting, no
	 * strings made.
	 */
	public static boolean hasValidChecksum(String wellFormed) {
		int randomEnd = LENGTH - CHECKSUM_DIGITS;
		return crc32(wellFormed, MARKER.length(), randomEnd) == HexFormat.fromHexDigitsToLong(wellFormed, randomEnd,
				LENGTH);
	}

	private static long crc32(CharSequence ascii, int from, int to) {
		byte[] bytes = new byte[to - from];
		for (int i = from; i < to; i++) {
			bytes[i - from] = (byte) ascii.charAt(i);
		}
		CRC32 crc = new CRC32();
		crc.update(bytes);
		return crc.getValue();
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
	 * would not be: the token carries 160 random bits (192 for the older ones), so no dictionary or brute force can reverse its hash, and a
	 * deterministic hash lets authentication find the key with one indexed equality look-up instead of checking
	 * every stored hash with a deliberately slow function on every request.
	 */
	public static String hash(String token) {
		return HEX.formatHex(sha256(token));
	}

	static byte[] sha256(String token) {
		return SHA256.get().digest(token.getBytes(StandardCharsets.US_ASCII));
	}

}
