package dev.latchkey.account;

import dev.latchkey.shared.TenantId;
import dev.latchkey.shared.UserId;

/**
 * A dashboard account, the member of exactly one tenant. The password hash never leaves the account package's
 * services.
 *
 * @param operator whether it also holds the operator authority (the vendor's staff)
 * @param invited whether it was invited and has not chosen a password yet
 * @param tenantSuspended whether its tenant is suspended: then it cannot sign in
 */
public record User(UserId id, TenantId tenantId, String email, String displayName, String passwordHash, Role role,
		boolean enabled, boolean operator, boolean invited, boolean tenantSuspended) {

	/** What other people see of this user, for example as a key's creator. */
	public String label() {
		return this.displayName.isBlank() ? this.email : this.displayName;
	}

	/** Whether this account may be signed in, or stay signed in, now. */
	public boolean canSignIn() {
		return this.enabled && !this.invited && !this.tenantSuspended;
	}

}
