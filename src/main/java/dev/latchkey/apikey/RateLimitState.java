package dev.latchkey.apikey;

/**
 * Where a key stands against its rate limit after a request.
 *
 * @param resetSeconds until the key's quota is whole again
 * @param retryAfterSeconds for a refused request: until the next one may pass
 */
public record RateLimitState(RateLimit limit, boolean allowed, long remaining, long resetSeconds,
		long retryAfterSeconds) {

	/** The IETF RateLimit header (draft-ietf-httpapi-ratelimit-headers). */
	public String header() {
		return "\"default\";r=" + this.remaining + ";t=" + this.resetSeconds;
	}

}
