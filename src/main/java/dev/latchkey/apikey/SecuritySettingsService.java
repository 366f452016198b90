package dev.latchkey.apikey;

import java.util.List;

import dev.latchkey.shared.Actor;
import dev.latchkey.shared.TenantId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Settings → Security: the tenant's own scope names, default rate limit and leak policy. */
@Service
public class SecuritySettingsService {

	private final TenantSettings settings;

	private final TenantScopes scopes;

	private final KeyChanges changes;

	SecuritySettingsService(TenantSettings settings, TenantScopes scopes, KeyChanges changes) {
		this.settings = settings;
		this.scopes = scopes;
		this.changes = changes;
	}

	public SecuritySettings find(TenantId tenant) {
		return new SecuritySettings(this.settings.defaultRateLimit(tenant), this.settings.leakPolicy(tenant),
				List.copyOf(this.scopes.names(tenant)));
	}

	/**
	 * Replaces all three. A scope name a key still holds may be removed from the list: the key keeps it (verify
	 * still reports it) until a person changes the key's scopes.
	 */
	@Transactional
	public SecuritySettings update(Actor actor, SecuritySettings requested) {
		this.scopes.replace(actor.tenantId(), requested.customScopes());
		this.settings.save(actor.tenantId(), requested.defaultRateLimit(), requested.leakPolicy());
		// every cached key of the tenant carries the old default limit
		this.changes.tenantChanged(actor.tenantId());
		return find(actor.tenantId());
	}

}
