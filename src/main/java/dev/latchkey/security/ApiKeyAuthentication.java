package dev.latchkey.security;

import java.util.List;

import dev.latchkey.apikey.AuthenticatedKey;
import dev.latchkey.apikey.RateLimitState;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * An API request's authentication: before the check it carries the presented header value and the client's
 * address, after it the key and where it stands against its rate limit. The presented value is dropped as soon as
 * it has been checked.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	/** The one authority of every key; built once rather than on every request. */
	private static final List<GrantedAuthority> API = AuthorityUtils.createAuthorityList("ROLE_API");

	private transient String presented;

	private final String clientAddress;

	private final AuthenticatedKey key;

	private final transient RateLimitState rateLimit;

	private ApiKeyAuthentication(String presented, String clientAddress, AuthenticatedKey key,
			RateLimitState rateLimit) {
		super((key != null) ? API : List.of());
		this.presented = presented;
		this.clientAddress = clientAddress;
		this.key = key;
		this.rateLimit = rateLimit;
		setAuthenticated(key != null);
	}

	static ApiKeyAuthentication unauthenticated(String presented, String clientAddress) {
		return new ApiKeyAuthentication(presented, clientAddress, null, null);
	}

	static ApiKeyAuthentication authenticated(AuthenticatedKey key, String clientAddress, RateLimitState rateLimit) {
		return new ApiKeyAuthentication(null, clientAddress, key, rateLimit);
	}

	@Override
	public Object getCredentials() {
		return this.presented;
	}

	@Override
	public AuthenticatedKey getPrincipal() {
		return this.key;
	}

	String clientAddress() {
		return this.clientAddress;
	}

	RateLimitState rateLimit() {
		return this.rateLimit;
	}

	@Override
	public String getName() {
		return (this.key != null) ? this.key.publicId() : "";
	}

	@Override
	public void eraseCredentials() {
		this.presented = null;
	}

}
