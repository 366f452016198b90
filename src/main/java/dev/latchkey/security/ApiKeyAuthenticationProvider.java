package dev.latchkey.security;

import dev.latchkey.apikey.ApiKeyAuthenticator;
import dev.latchkey.apikey.Verification;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

	private final ApiKeyAuthenticator authenticator;

	ApiKeyAuthenticationProvider(ApiKeyAuthenticator authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		ApiKeyAuthentication presented = (ApiKeyAuthentication) authentication;
		Verification verification = this.authenticator.verify((String) presented.getCredentials(),
				presented.clientAddress(), null);
		return switch (verification.status()) {
			case VALID -> ApiKeyAuthentication.authenticated(verification.key(), presented.clientAddress(),
					verification.rateLimit());
			case RATE_LIMITED, IP_NOT_ALLOWED -> throw new KeyRefusedAuthenticationException(verification);
			// not found, expired, inactive alike: the same 401, so a caller learns nothing about which keys exist
			default -> throw new BadCredentialsException("Invalid API key");
		};
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return ApiKeyAuthentication.class.isAssignableFrom(authentication);
	}

}
