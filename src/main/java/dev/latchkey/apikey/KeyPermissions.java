package dev.latchkey.apikey;

import dev.latchkey.account.Role;
import dev.latchkey.shared.UserId;

/**
 * What one member may do with its tenant's keys, decided here and nowhere else: {@link ApiKeyService} enforces it
 * and the dashboard asks it which buttons to show. Every member may read every key of its tenant.
 * <ul>
 * <li>Viewer: nothing more.</li>
 * <li>Developer: creates development keys; deactivates, reactivates and deletes the keys it created.</li>
 * <li>Admin: creates development keys, and production keys where the tenant has production; changes every key.</li>
 * </ul>
 * A key acting through the API has the permissions its creator has now; a creator who was disabled or removed
 * has none ({@code role == null}).
 *
 * @param role the member's current role, or {@code null} when it may change nothing
 * @param productionGranted whether the tenant may create production keys
 */
public record KeyPermissions(UserId member, Role role, boolean productionGranted) {

	public static KeyPermissions none(UserId member) {
		return new KeyPermissions(member, null, false);
	}

	public boolean canCreate() {
		return this.role == Role.ADMIN || this.role == Role.DEVELOPER;
	}

	public boolean canCreate(Environment environment) {
		return (environment == Environment.PRODUCTION) ? canCreateProduction() : canCreate();
	}

	/** Whether the create dialog offers the production environment. */
	public boolean canCreateProduction() {
		return this.role == Role.ADMIN && this.productionGranted;
	}

	public boolean canChange(ApiKey key) {
		return this.role == Role.ADMIN || (this.role == Role.DEVELOPER && key.createdBy().id().equals(this.member));
	}

}
