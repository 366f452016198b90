package dev.latchkey.apikey;

/**
 * The outcome of checking a presented key.
 *
 * @param key the key, when the token named one (also when it is refused for its state); {@code null} for
 * {@link VerificationStatus#NOT_FOUND}
 */
public record Verification(VerificationStatus status, AuthenticatedKey key) {

	static final Verification NOT_FOUND = new Verification(VerificationStatus.NOT_FOUND, null);

	public boolean isValid() {
		return this.status.isValid();
	}

}
