package dev.latchkey.apikey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.latchkey.InvalidInputException;
import dev.latchkey.shared.Actor;
import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.shared.TenantId;
import dev.latchkey.account.Users;
import dev.latchkey.shared.UserId;
import dev.latchkey.tenant.Tenants;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place where API keys are created, read and changed, for the dashboard and the JSON API alike. Every
 * method is scoped to the acting tenant.
 */
@Service
public class ApiKeyService {

	public static final int MAX_PAGE_SIZE = 100;

	private final ApiKeys keys;

	private final Tenants tenants;

	private final AuditLog audit;

	private final Clock clock;

	private final KeyChanges changes;

	private final SecureRandom random = new SecureRandom();

	private final Users users;

	ApiKeyService(ApiKeys keys, Tenants tenants, AuditLog audit, Clock clock, KeyChanges changes, Users users) {
		this.keys = keys;
		this.users = users;
		this.tenants = tenants;
		this.audit = audit;
		this.clock = clock;
		this.changes = changes;
	}

	@Transactional
	public CreatedApiKey create(Actor actor, NewApiKey request) {
		Instant now = this.clock.instant();
		String name = KeyName.check(request.name());
		Environment environment = Environment.parse(request.environment());
		KeyPermissions permissions = permissions(actor);
		if (environment == Environment.PRODUCTION && !permissions.productionGranted()) {
			throw new InvalidInputException("environment",
					"production keys are not enabled for this tenant; contact support to move to production");
		}
		if (!permissions.canCreate(environment)) {
			throw new AccessDeniedException((environment == Environment.PRODUCTION)
					? "Only an admin may create production keys" : "Your role may not create keys");
		}
		if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
			throw new InvalidInputException("expires_at", "expires_at must be in the future");
		}
		String token = ApiKeyToken.generate(this.random);
		String publicId = UUID.randomUUID().toString();
		long id = this.keys.insert(publicId, actor.tenantId(), environment, name, ApiKeyToken.prefix(token),
				ApiKeyToken.hash(token), now, actor.userId(), request.expiresAt());
		this.audit.record(actor, "created", id, now);
		this.changes.created();
		return new CreatedApiKey(find(actor.tenantId(), publicId), token);
	}

	/**
	 * What the actor may do with its tenant's keys, from the member's role and status as they are now (one read):
	 * for an API call, the key's creator as it is now, so a Developer's key can do no more than the Developer.
	 */
	public KeyPermissions permissions(Actor actor) {
		boolean production = productionGranted(actor.tenantId());
		return this.users.find(actor.userId())
			.filter((user) -> user.tenantId().equals(actor.tenantId()) && user.canSignIn())
			.map((user) -> new KeyPermissions(user.id(), user.role(), production))
			.orElseGet(() -> KeyPermissions.none(actor.userId()));
	}

	/**
	 * Deactivates every active key the member created, as the actor (an admin disabling or removing the member).
	 * @return how many were deactivated
	 */
	@Transactional
	public int deactivateCreatedBy(Actor actor, UserId creator) {
		Instant now = this.clock.instant();
		KeyPermissions permissions = permissions(actor);
		int count = 0;
		for (ApiKey key : this.keys.activeCreatedBy(actor.tenantId(), creator)) {
			requireChange(permissions, key);
			if (key.deactivate(now)) {
				save(actor, key, "deactivated", now);
				count++;
			}
		}
		return count;
	}

	/** Active keys (not deactivated, not deleted) that the member created, for the Disable and Remove dialogs. */
	public int countActiveCreatedBy(TenantId tenant, UserId creator) {
		return this.keys.activeCreatedBy(tenant, creator).size();
	}

	/** Per tenant, how many of its keys are active (for the operators' tenant list, which never shows a key). */
	public Map<TenantId, Long> activeKeyCounts(Collection<TenantId> tenants) {
		return this.keys.activeCounts(tenants);
	}

	public boolean productionGranted(TenantId tenant) {
		return this.tenants.find(tenant).map((t) -> t.productionEnabled()).orElse(false);
	}

	public ApiKeyPage list(TenantId tenant, String search, int page, int size) {
		if (page < 0) {
			throw new InvalidInputException("page", "page must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidInputException("size", "size must be between 1 and " + MAX_PAGE_SIZE);
		}
		return this.keys.page(tenant, search, page, size);
	}

	public ApiKey find(TenantId tenant, String publicId) {
		return this.keys.find(tenant, publicId).orElseThrow(ApiKeyNotFoundException::new);
	}

	public List<AuditEvent> history(TenantId tenant, String publicId) {
		return this.audit.forKey(tenant, find(tenant, publicId).id());
	}

	@Transactional
	public ApiKey deactivate(Actor actor, String publicId) {
		ApiKey key = find(actor.tenantId(), publicId);
		requireChange(permissions(actor), key);
		Instant now = this.clock.instant();
		if (key.deactivate(now)) {
			save(actor, key, "deactivated", now);
		}
		return key;
	}

	@Transactional
	public ApiKey reactivate(Actor actor, String publicId) {
		ApiKey key = find(actor.tenantId(), publicId);
		requireChange(permissions(actor), key);
		if (key.reactivate()) {
			save(actor, key, "reactivated", this.clock.instant());
		}
		return key;
	}

	@Transactional
	public void delete(Actor actor, String publicId) {
		ApiKey key = find(actor.tenantId(), publicId);
		requireChange(permissions(actor), key);
		Instant now = this.clock.instant();
		key.delete(now);
		save(actor, key, "deleted", now);
	}

	private static void requireChange(KeyPermissions permissions, ApiKey key) {
		if (!permissions.canChange(key)) {
			throw new AccessDeniedException("Your role may not change this key");
		}
	}

	private void save(Actor actor, ApiKey key, String action, Instant now) {
		this.keys.saveState(key);
		this.audit.record(actor, action, key.id(), now);
		this.changes.changed(key.id());
	}

}
