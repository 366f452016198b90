package dev.latchkey.apikey;

/**
 * The outcome of checking a presented key.
 *
 * @param key the key, when the token named one (also when it is refused for its state); {@code null} for
 * {@link VerificationStatus#NOT_FOUND}
 * @param rateLimit where the key stands against its rate limit, when the check went that far; else {@code null}
 */
public record Verification(VerificationStatus status, AuthenticatedKey key, RateLimitState rateLimit) {

	static final Verification NOT_FOUND = new Verification(VerificationStatus.NOT_FOUND, null, null);

	public boolean isValid() {
		return this.status.isValid();
	}

}
