package dev.latchkey.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads the key from the {@code x-api-key} header, and only from there: a key in a query string would end up in
 * access logs and browser history, so it is never looked at. The client's address is the socket's (the
 * trusted-proxy setting of the hardening work decides it once that exists).
 */
final class ApiKeyAuthenticationConverter implements AuthenticationConverter {

	static final String HEADER = "x-api-key";

	@Override
	public Authentication convert(HttpServletRequest request) {
		String presented = request.getHeader(HEADER);
		return (presented != null) ? ApiKeyAuthentication.unauthenticated(presented, request.getRemoteAddr()) : null;
	}

}
