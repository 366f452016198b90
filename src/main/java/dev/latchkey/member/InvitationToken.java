package dev.latchkey.member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret in an invitation link, made like a password-reset token: 256 random bits, URL-safe; only its
 * SHA-256 is stored (random and long, so a fast hash suffices and the link is found by an indexed look-up).
 */
final class InvitationToken {

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

	private InvitationToken() {
	}

	static String generate(SecureRandom random) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static boolean isWellFormed(String token) {
		return token != null && WELL_FORMED.matcher(token).matches();
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
