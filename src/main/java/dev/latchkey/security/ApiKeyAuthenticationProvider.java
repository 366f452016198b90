package dev.latchkey.security;

import dev.latchkey.apikey.ApiKeyAuthenticator;

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
		String presented = (String) authentication.getCredentials();
		return this.authenticator.authenticate(presented)
			.map(ApiKeyAuthentication::authenticated)
			.orElseThrow(() -> new BadCredentialsException("Invalid API key"));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return ApiKeyAuthentication.class.isAssignableFrom(authentication);
	}

}
