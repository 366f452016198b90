package dev.latchkey.security;

import java.util.List;

import dev.latchkey.apikey.AuthenticatedKey;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * An API request's authentication: before the check it carries the presented header value, after it the key.
 * The presented value is dropped as soon as it has been checked.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private transient String presented;

	private final AuthenticatedKey key;

	private ApiKeyAuthentication(String presented, AuthenticatedKey key) {
		super((key != null) ? AuthorityUtils.createAuthorityList("ROLE_API") : List.of());
		this.presented = presented;
		this.key = key;
		setAuthenticated(key != null);
	}

	static ApiKeyAuthentication unauthenticated(String presented) {
		return new ApiKeyAuthentication(presented, null);
	}

	static ApiKeyAuthentication authenticated(AuthenticatedKey key) {
		return new ApiKeyAuthentication(null, key);
	}

	@Override
	public Object getCredentials() {
		return this.presented;
	}

	@Override
	public AuthenticatedKey getPrincipal() {
		return this.key;
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
