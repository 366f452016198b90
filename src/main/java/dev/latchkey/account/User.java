package dev.latchkey.account;

import dev.latchkey.shared.UserId;

import dev.latchkey.shared.TenantId;

/** A dashboard account. The password hash never leaves the account package's services. */
public record User(UserId id, TenantId tenantId, String email, String displayName, String passwordHash, Role role,
		boolean enabled) {

	/** What other people see of this user, for example as a key's creator. */
	public String label() {
		return this.displayName.isBlank() ? this.email : this.displayName;
	}

}
