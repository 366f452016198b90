package dev.latchkey.account;

import dev.latchkey.shared.UserId;

import java.util.Collection;
import java.util.List;

import dev.latchkey.shared.TenantId;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The dashboard's principal, kept in the (database-backed) session. It holds no password hash: the hash is
 * erased once sign-in has checked it.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

	private static final long serialVersionUID = 1L;

	private final UserId id;

	private final TenantId tenantId;

	private final String email;

	private final String displayName;

	private final String role;

	private final boolean enabled;

	private String passwordHash;

	SignedInUser(User user) {
		this.id = user.id();
		this.tenantId = user.tenantId();
		this.email = user.email();
		this.displayName = user.displayName();
		this.role = user.role().name();
		this.enabled = user.enabled();
		this.passwordHash = user.passwordHash();
	}

	public UserId id() {
		return this.id;
	}

	public TenantId tenantId() {
		return this.tenantId;
	}

	public String email() {
		return this.email;
	}

	public String displayName() {
		return (this.displayName == null || this.displayName.isBlank()) ? this.email : this.displayName;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.role));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

}
