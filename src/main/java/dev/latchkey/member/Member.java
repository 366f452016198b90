package dev.latchkey.member;

import java.time.Instant;

import dev.latchkey.account.Role;
import dev.latchkey.shared.TenantId;
import dev.latchkey.shared.UserId;

/** A member of a tenant as Settings → Members shows it. */
public record Member(UserId id, TenantId tenantId, String name, String email, Role role, Status status,
		Instant lastSignIn, Instant added) {

	public enum Status {

		ACTIVE("Active"), INVITED("Invited"), DISABLED("Disabled");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/** The name, or the email where there is no name. */
	public String label() {
		return (this.name == null || this.name.isBlank()) ? this.email : this.name;
	}

	boolean isActiveAdmin() {
		return this.role == Role.ADMIN && this.status == Status.ACTIVE;
	}

}
