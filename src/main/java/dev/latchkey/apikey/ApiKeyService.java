package dev.latchkey.apikey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.latchkey.InvalidInputException;
import dev.latchkey.shared.Actor;
import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.shared.TenantId;
import dev.latchkey.tenant.Tenants;

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

	ApiKeyService(ApiKeys keys, Tenants tenants, AuditLog audit, Clock clock, KeyChanges changes) {
		this.keys = keys;
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
		if (environment == Environment.PRODUCTION && !productionGranted(actor.tenantId())) {
			throw new InvalidInputException("environment",
					"production keys are not enabled for this tenant; contact support to move to production");
		}
		if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
			throw new InvalidInputException("expires_at", "expires_at must be in the future");
		}
		String token = ApiKeyToken.generate(this.random);
		String publicId = UUID.randomUUID().toString();
		String tokenHash = ApiKeyToken.hash(token);
		long id = this.keys.insert(publicId, actor.tenantId(), environment, name, ApiKeyToken.prefix(token),
				tokenHash, now, actor.userId(), request.expiresAt());
		this.audit.record(actor, "created", id, now);
		this.changes.created(tokenHash);
		return new CreatedApiKey(find(actor.tenantId(), publicId), token);
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
		Instant now = this.clock.instant();
		if (key.deactivate(now)) {
			save(actor, key, "deactivated", now);
		}
		return key;
	}

	@Transactional
	public ApiKey reactivate(Actor actor, String publicId) {
		ApiKey key = find(actor.tenantId(), publicId);
		if (key.reactivate()) {
			save(actor, key, "reactivated", this.clock.instant());
		}
		return key;
	}

	@Transactional
	public void delete(Actor actor, String publicId) {
		ApiKey key = find(actor.tenantId(), publicId);
		Instant now = this.clock.instant();
		key.delete(now);
		save(actor, key, "deleted", now);
	}

	private void save(Actor actor, ApiKey key, String action, Instant now) {
		this.keys.saveState(key);
		this.audit.record(actor, action, key.id(), now);
		this.changes.changed(key.id());
	}

}
