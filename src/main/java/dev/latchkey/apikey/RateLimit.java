package dev.latchkey.apikey;

import dev.latchkey.InvalidInputException;

/** At most {@code requests} requests in any {@code perSeconds} seconds, for one key across every instance. */
public record RateLimit(int requests, int perSeconds) {

	public static final int MAX_REQUESTS = 100_000_000;

	public static final int MAX_PER_SECONDS = 86_400;

	/**
	 * @param field the field a complaint names
	 * @return the limit, or {@code null} when both are absent (no override)
	 */
	public static RateLimit of(Integer requests, Integer perSeconds, String field) {
		if (requests == null && perSeconds == null) {
			return null;
		}
		if (requests == null || requests < 1 || requests > MAX_REQUESTS) {
			throw new InvalidInputException(field, field + ".requests must be a whole number from 1 to " + MAX_REQUESTS);
		}
		if (perSeconds == null || perSeconds < 1 || perSeconds > MAX_PER_SECONDS) {
			throw new InvalidInputException(field,
					field + ".per_seconds must be a whole number from 1 to " + MAX_PER_SECONDS + " (a day)");
		}
		return new RateLimit(requests, perSeconds);
	}

	/** Tokens a key gains each second. */
	double refillPerSecond() {
		return (double) this.requests / this.perSeconds;
	}

	/** As the IETF RateLimit-Policy header states it. */
	public String policy() {
		return "\"default\";q=" + this.requests + ";w=" + this.perSeconds;
	}

	@Override
	public String toString() {
		return this.requests + " per " + this.perSeconds + " s";
	}

}
