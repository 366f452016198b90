package dev.latchkey.account;

import dev.latchkey.shared.UserId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

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

	private final boolean operator;

	private final boolean enabled;

	private String passwordHash;

	SignedInUser(User user) {
		this.id = user.id();
		this.tenantId = user.tenantId();
		this.email = user.email();
		this.displayName = user.displayName();
		this.role = user.role().name();
		this.operator = user.operator();
		this.enabled = user.canSignIn();
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

	/** The role as of sign-in or of this request: {@link SignedInUserRefresh} reloads it on every request. */
	public Role role() {
		return Role.valueOf(this.role);
	}

	public boolean isOperator() {
		return this.operator;
	}

	public boolean isAdmin() {
		return role() == Role.ADMIN;
	}

	/** The role's authority, and the operator authority for operators. */
	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(role().authority()));
		if (this.operator) {
			authorities.add(new SimpleGrantedAuthority(Role.OPERATOR_AUTHORITY));
		}
		return authorities;
	}

	/** Whether the user was changed since this principal was made, in anything a page or a check depends on. */
	boolean differsFrom(User user) {
		return !this.role.equals(user.role().name()) || this.operator != user.operator()
				|| !Objects.equals(this.displayName, user.displayName())
				|| !this.email.equals(user.email());
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
