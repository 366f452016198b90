package dev.latchkey.apikey;

import java.util.Locale;

/**
 * What checking a presented key found, as Unkey's verify answers: every caller (the x-api-key filter, the verify
 * endpoint) explains a refusal from the same status, rather than from a boolean.
 */
public enum VerificationStatus {

	VALID, NOT_FOUND, EXPIRED, INACTIVE, RATE_LIMITED, INSUFFICIENT_SCOPE, IP_NOT_ALLOWED;

	/** As the verify endpoint's {@code reason} names it: {@code not_found}, {@code rate_limited}, … */
	public String reason() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean isValid() {
		return this == VALID;
	}

}
