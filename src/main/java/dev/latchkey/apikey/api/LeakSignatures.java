package dev.latchkey.apikey.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import dev.latchkey.apikey.LeaksProperties;

import org.springframework.stereotype.Component;

/**
 * Checks a leak report's signature the way GitHub's secret-scanning partner programme signs them: an ECDSA
 * (SHA-256) signature of the raw body, base64, with the identifier of the public key that verifies it.
 */
@Component
class LeakSignatures {

	private final Map<String, PublicKey> keys = new HashMap<>();

	private final boolean allowUnsigned;

	LeakSignatures(LeaksProperties properties) {
		properties.publicKeys().forEach((id, pem) -> this.keys.put(id, publicKey(id, pem)));
		this.allowUnsigned = properties.allowUnsigned();
	}

	boolean accepts(String keyIdentifier, String signature, byte[] body) {
		if (keyIdentifier == null || signature == null) {
			return this.allowUnsigned;
		}
		PublicKey key = this.keys.get(keyIdentifier.strip());
		if (key == null) {
			return this.allowUnsigned;
		}
		try {
			Signature verifier = Signature.getInstance("SHA256withECDSA");
			verifier.initVerify(key);
			verifier.update(body);
			return verifier.verify(Base64.getDecoder().decode(signature.strip()));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	private static PublicKey publicKey(String id, String pem) {
		String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "")
			.replace("-----END PUBLIC KEY-----", "")
			.replaceAll("\\s", "");
		try {
			return KeyFactory.getInstance("EC")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII))));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("latchkey.leaks.public-keys." + id + " is not a PEM EC public key", ex);
		}
	}

}
