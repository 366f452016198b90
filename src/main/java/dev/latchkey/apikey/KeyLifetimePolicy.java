package dev.latchkey.apikey;

import java.time.Clock;

import dev.latchkey.account.Role;
import dev.latchkey.account.Users;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.shared.Actor;
import dev.latchkey.shared.TenantId;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's maximum key lifetime: read by every change to a key's expiry, set by the tenant's admins. */
@Service
public class KeyLifetimePolicy {

	private final TenantSettings settings;

	private final Users users;

	private final AuditLog audit;

	private final Clock clock;

	KeyLifetimePolicy(TenantSettings settings, Users users, AuditLog audit, Clock clock) {
		this.settings = settings;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	public MaxKeyLifetime find(TenantId tenant) {
		return MaxKeyLifetime.ofDays(this.settings.maxKeyLifetimeDays(tenant), "max_key_lifetime_days");
	}

	/**
	 * Only an admin of the tenant sets it. Keys that already expire later keep their expiry: the maximum applies
	 * from their next roll or change on, so setting it breaks no running system.
	 */
	@Transactional
	public MaxKeyLifetime change(Actor actor, MaxKeyLifetime lifetime) {
		boolean admin = actor.apiKeyId() == null && this.users.find(actor.userId())
			.filter((user) -> user.tenantId().equals(actor.tenantId()) && user.canSignIn() && user.role() == Role.ADMIN)
			.isPresent();
		if (!admin) {
			throw new AccessDeniedException("Only an admin may change the maximum key lifetime");
		}
		if (find(actor.tenantId()) != lifetime) {
			this.settings.saveMaxKeyLifetime(actor.tenantId(), lifetime.limited() ? lifetime.days() : null);
			this.audit.record(actor, "max key lifetime changed", null, this.clock.instant());
		}
		return lifetime;
	}

}
