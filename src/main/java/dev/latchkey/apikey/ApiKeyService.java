package dev.latchkey.apikey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.context.ApplicationEventPublisher;
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

	private final TenantScopes tenantScopes;

	private final RateLimitStore rateLimits;

	private final LimitsProperties limits;

	private final SecureRandom random = new SecureRandom();

	private final Users users;

	private final KeyLifetimePolicy lifetime;

	private final ApplicationEventPublisher events;

	ApiKeyService(ApiKeys keys, Tenants tenants, AuditLog audit, Clock clock, KeyChanges changes, Users users,
			TenantScopes tenantScopes, RateLimitStore rateLimits, LimitsProperties limits, KeyLifetimePolicy lifetime,
			ApplicationEventPublisher events) {
		this.lifetime = lifetime;
		this.events = events;
		this.tenantScopes = tenantScopes;
		this.rateLimits = rateLimits;
		this.limits = limits;
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
		requireCreate(permissions, environment);
		if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
			throw new InvalidInputException("expires_at", "expires_at must be in the future");
		}
		if (request.expiresAt() != null && request.expiresAt().isAfter(latestExpiry(now))) {
			throw new InvalidInputException("expires_at", "expires_at must be at most ten years from now");
		}
		this.lifetime.find(actor.tenantId()).check(request.expiresAt(), now, "expires_at");
		Scopes scopes;
		if (isPerson(actor)) {
			scopes = (request.scopes() != null) ? parseScopes(actor.tenantId(), request.scopes())
					: Scopes.ALL_BUILT_IN;
		}
		else {
			ApiKey caller = callingKey(actor);
			scopes = (request.scopes() != null) ? parseScopes(actor.tenantId(), request.scopes()) : caller.scopes();
			requireNoEscalation(caller, scopes, environment);
		}
		IpAllowlist allowedIps = IpAllowlist.parse(request.allowedIps(), "allowed_ips");
		requireRoomForAnActiveKey(actor.tenantId(), now);
		String token = ApiKeyToken.generate(this.random);
		String publicId = UUID.randomUUID().toString();
		String tokenHash = ApiKeyToken.hash(token);
		long id = this.keys.insert(publicId, actor.tenantId(), environment, name, ApiKeyToken.prefix(token),
				tokenHash, now, actor.userId(), request.expiresAt(), scopes, request.rateLimit(),
				allowedIps);
		this.rateLimits.created(id);
		this.audit.record(actor, "created", id, now);
		this.changes.created(tokenHash);
		return new CreatedApiKey(find(actor.tenantId(), publicId), token);
	}

	/** The longest a key may stop working after a roll: a week, as the dashboard's longest choice. */
	public static final Duration MAX_ROLL_GRACE = Duration.ofDays(7);

	/**
	 * Replaces a key by a new one with the same name, environment and settings, in one transaction: the new key's
	 * token is returned once, and the old key stops working after the grace period (or earlier, where it already
	 * would). The new key's expiry keeps the old key's length (within the tenant's maximum lifetime); where the old
	 * key never expired, so does the new one, unless a maximum applies.
	 *
	 * @param grace how long the old key keeps working, 0 to 7 days
	 */
	@Transactional
	public CreatedApiKey roll(Actor actor, String publicId, Duration grace) {
		if (grace == null || grace.isNegative() || grace.compareTo(MAX_ROLL_GRACE) > 0) {
			throw new InvalidInputException("expire_old_in_seconds",
					"expire_old_in_seconds must be between 0 and " + MAX_ROLL_GRACE.toSeconds());
		}
		Instant now = this.clock.instant();
		ApiKey old = find(actor.tenantId(), publicId);
		KeyPermissions permissions = permissions(actor);
		requireChange(permissions, old);
		// a roll makes a new key: the same rules as creating one in its environment
		requireCreate(permissions, old.environment());
		if (!isPerson(actor)) {
			requireNoEscalation(callingKey(actor), old.scopes(), old.environment());
		}
		if (old.rolledTo() != null) {
			throw new KeyAlreadyRolledException(old.rolledTo().tokenPrefix());
		}
		// rolled "now", an active key makes room for its successor
		if (!(grace.isZero() && old.isActive() && !old.isExpiredAt(now))) {
			requireRoomForAnActiveKey(actor.tenantId(), now);
		}
		String token = ApiKeyToken.generate(this.random);
		String tokenHash = ApiKeyToken.hash(token);
		String newPublicId = UUID.randomUUID().toString();
		long id = this.keys.insert(newPublicId, actor.tenantId(), old.environment(), old.name(),
				ApiKeyToken.prefix(token), tokenHash, now, actor.userId(), rolledExpiry(actor.tenantId(), old, now),
				old.scopes(), old.rateLimit(), old.allowedIps(), old.id());
		this.rateLimits.created(id);
		old.rolledTo(new ApiKey.KeyLink(id, newPublicId, ApiKeyToken.prefix(token), false), now.plus(grace));
		this.keys.saveState(old);
		this.audit.record(actor, "rolled from " + old.tokenPrefix() + "…", id, now);
		this.audit.record(actor, "rolled to " + ApiKeyToken.prefix(token) + "…", old.id(), now);
		this.changes.changed(old.id());
		this.changes.created(tokenHash);
		return new CreatedApiKey(find(actor.tenantId(), newPublicId), token);
	}

	private Instant rolledExpiry(TenantId tenant, ApiKey old, Instant now) {
		Instant latest = this.lifetime.find(tenant).latestExpiry(now);
		if (old.expiresAt() == null) {
			return latest;
		}
		// a key created with an expiry at or before its creation cannot be made; the floor keeps a rolled key usable
		Duration length = Duration.between(old.createdAt(), old.expiresAt());
		Instant expiry = now.plus(length.isNegative() || length.isZero() ? Duration.ofDays(1) : length);
		if (expiry.isAfter(latestExpiry(now))) {
			expiry = latestExpiry(now);
		}
		return (latest != null && expiry.isAfter(latest)) ? latest : expiry;
	}

	/**
	 * Renames a key and/or changes its expiration, both or neither. A deactivated or expired key may be given a new
	 * expiration (an expired one works again, a deactivated one once reactivated); the tenant's maximum lifetime
	 * applies.
	 */
	@Transactional
	public ApiKey edit(Actor actor, String publicId, KeyEdit edit) {
		Instant now = this.clock.instant();
		ApiKey key = find(actor.tenantId(), publicId);
		requireChange(permissions(actor), key);
		if (!isPerson(actor)) {
			requireNoEscalation(callingKey(actor), key.scopes(), key.environment());
		}
		boolean renamed = edit.renames() && key.rename(KeyName.check(edit.name()));
		boolean extended = false;
		if (edit.changesExpiration()) {
			Instant expiresAt = edit.expiresAt();
			if (expiresAt != null && !expiresAt.isAfter(now)) {
				throw new InvalidInputException("expires_at", "expires_at must be in the future");
			}
			if (expiresAt != null && expiresAt.isAfter(latestExpiry(now))) {
				throw new InvalidInputException("expires_at", "expires_at must be at most ten years from now");
			}
			this.lifetime.find(actor.tenantId()).check(expiresAt, now, "expires_at");
			boolean wasExpired = key.isExpiredAt(now);
			extended = key.changeExpiration(expiresAt);
			if (extended && wasExpired && key.isActive()) {
				requireRoomForAnActiveKey(actor.tenantId(), now);
			}
		}
		// audit actions are short (32 characters): the detail view shows the key's name and expiry as they are now
		if (renamed) {
			save(actor, key, "renamed", now);
		}
		if (extended) {
			save(actor, key, "expiration changed", now);
			// its reminders start over (see reminder/ExpiryReminders)
			this.events.publishEvent(new KeyExpiryChanged(key.id()));
		}
		return find(actor.tenantId(), publicId);
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
			if (key.deactivate(now, isPerson(actor))) {
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

	/** Ten years ahead: far enough for any real key, near enough that every database stores the date as given. */
	static Instant latestExpiry(Instant now) {
		return now.atZone(java.time.ZoneOffset.UTC).plusYears(10).toInstant();
	}

	/**
	 * A key hands out at most what it holds: scopes it has, in its own environment (a development key cannot mint
	 * a production key, nor the other way round).
	 */
	private static void requireNoEscalation(ApiKey caller, Scopes scopes, Environment environment) {
		if (!caller.scopes().containsAll(scopes)) {
			throw KeyRefusedException.escalation("An API key can only create keys with scopes it has itself; this key lacks "
					+ String.join(", ", caller.scopes().missingOf(scopes)) + ".");
		}
		if (environment != caller.environment()) {
			throw KeyRefusedException.escalation("A " + caller.environment().value() + " key can only create "
					+ caller.environment().value() + " keys.");
		}
	}

	/** Counted in the creating transaction: two keys created at the same instant may both pass, one over at most. */
	private void requireRoomForAnActiveKey(TenantId tenant, Instant now) {
		if (this.keys.countActive(tenant, now) >= this.limits.maxActiveKeys()) {
			throw new ActiveKeyLimitException(this.limits.maxActiveKeys());
		}
	}

	private ApiKey callingKey(Actor actor) {
		// the calling key was valid a moment ago; if it was deleted since, the request fails like any unknown key
		return this.keys.findById(actor.tenantId(), actor.apiKeyId()).orElseThrow(ApiKeyNotFoundException::new);
	}

	private Scopes parseScopes(TenantId tenant, List<String> requested) {
		return Scopes.parse(requested, this.tenantScopes.names(tenant), "scopes");
	}

	/** Every scope the tenant's keys may hold, built-in first. */
	public List<String> knownScopes(TenantId tenant) {
		return Scopes.known(this.tenantScopes.names(tenant));
	}

	private static boolean isPerson(Actor actor) {
		return actor.apiKeyId() == null;
	}

	public boolean productionGranted(TenantId tenant) {
		return this.tenants.find(tenant).map((t) -> t.productionEnabled()).orElse(false);
	}

	/** The API's list: newest first, optionally searched, pages from 0; a page past the end is empty. */
	public ApiKeyPage list(TenantId tenant, String search, int page, int size) {
		return list(tenant, KeyListQuery.newestFirst(search, page, size));
	}

	public ApiKeyPage list(TenantId tenant, KeyListQuery query) {
		if (query.page() < 0) {
			throw new InvalidInputException("page", "page must be 0 or more");
		}
		if (query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
			throw new InvalidInputException("size", "size must be between 1 and " + MAX_PAGE_SIZE);
		}
		return this.keys.page(tenant, query, this.clock.instant());
	}

	/**
	 * The dashboard's list: a page past the end (an old bookmark, a key deleted meanwhile) shows the last page
	 * rather than nothing. Such a page has counted past its own end, so its total is exact.
	 */
	public ApiKeyPage listOrLastPage(TenantId tenant, KeyListQuery query) {
		ApiKeyPage page = list(tenant, query);
		if (page.keys().isEmpty() && query.page() > 0 && page.total() > 0) {
			return list(tenant, query.withPage(page.lastPage()));
		}
		return page;
	}

	public ApiKey find(TenantId tenant, String publicId) {
		return this.keys.find(tenant, publicId).orElseThrow(ApiKeyNotFoundException::new);
	}

	/** A key of the tenant, deleted or not, for its detail view; every change still needs {@link #find}. */
	public ApiKey findIncludingDeleted(TenantId tenant, String publicId) {
		return this.keys.findIncludingDeleted(tenant, publicId).orElseThrow(ApiKeyNotFoundException::new);
	}

	/** A key's history, also after the key was deleted. */
	public List<AuditEvent> history(TenantId tenant, String publicId) {
		return this.audit.forKey(tenant, findIncludingDeleted(tenant, publicId).id());
	}

	@Transactional
	public ApiKey deactivate(Actor actor, String publicId) {
		ApiKey key = find(actor.tenantId(), publicId);
		requireChange(permissions(actor), key);
		Instant now = this.clock.instant();
		if (key.deactivate(now, isPerson(actor))) {
			save(actor, key, "deactivated", now);
		}
		return key;
	}

	@Transactional
	public ApiKey reactivate(Actor actor, String publicId) {
		ApiKey key = find(actor.tenantId(), publicId);
		requireChange(permissions(actor), key);
		if (!key.isActive() && !key.isExpiredAt(this.clock.instant())) {
			requireRoomForAnActiveKey(actor.tenantId(), this.clock.instant());
		}
		if (key.reactivate(isPerson(actor))) {
			save(actor, key, "reactivated", this.clock.instant());
		}
		return key;
	}

	/** Only a person changes scopes (see {@link ApiKey#changeScopes}). */
	@Transactional
	public ApiKey changeScopes(Actor actor, String publicId, List<String> scopes) {
		ApiKey key = find(actor.tenantId(), publicId);
		requireChange(permissions(actor), key);
		if (key.changeScopes(isPerson(actor) ? parseScopes(actor.tenantId(), scopes) : key.scopes(), isPerson(actor))) {
			save(actor, key, "scopes changed", this.clock.instant());
		}
		return key;
	}

	/** A person sets where a key may be used from; an empty list allows anywhere. */
	@Transactional
	public ApiKey changeAllowedIps(Actor actor, String publicId, List<String> allowedIps) {
		ApiKey key = find(actor.tenantId(), publicId);
		requireChange(permissions(actor), key);
		if (!isPerson(actor)) {
			throw KeyRefusedException.escalation("An API key cannot change IP allowlists; a person can, in the dashboard.");
		}
		if (key.changeAllowedIps(IpAllowlist.parse(allowedIps, "allowed_ips"))) {
			save(actor, key, "allowed IPs changed", this.clock.instant());
		}
		return key;
	}

	/** A person sets or clears (null) a key's own rate limit; without one the tenant's default applies. */
	@Transactional
	public ApiKey changeRateLimit(Actor actor, String publicId, RateLimit rateLimit) {
		ApiKey key = find(actor.tenantId(), publicId);
		requireChange(permissions(actor), key);
		if (!isPerson(actor)) {
			throw KeyRefusedException.escalation("An API key cannot change rate limits; a person can, in the dashboard.");
		}
		if (key.changeRateLimit(rateLimit)) {
			save(actor, key, "rate limit changed", this.clock.instant());
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

	private static void requireCreate(KeyPermissions permissions, Environment environment) {
		if (environment == Environment.PRODUCTION && !permissions.productionGranted()) {
			throw new InvalidInputException("environment",
					"production keys are not enabled for this tenant; contact support to move to production");
		}
		if (!permissions.canCreate(environment)) {
			throw new AccessDeniedException((environment == Environment.PRODUCTION)
					? "Only an admin may create production keys" : "Your role may not create keys");
		}
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
