package dev.latchkey.security;

import dev.latchkey.apikey.Verification;

import org.springframework.security.core.AuthenticationException;

/** A valid key refused for this request: over its rate limit, or from an address it does not allow. */
final class KeyRefusedAuthenticationException extends AuthenticationException {

	private final transient Verification verification;

	KeyRefusedAuthenticationException(Verification verification) {
		super("API key refused: " + verification.status().reason());
		this.verification = verification;
	}

	Verification verification() {
		return this.verification;
	}

}
