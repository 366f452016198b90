package dev.latchkey.apikey;

import java.time.Instant;

import dev.latchkey.shared.UserId;
import dev.latchkey.shared.TenantId;

/**
 * A key as stored: never its token, only the prefix. State changes go through the methods below, which refuse
 * what the rules forbid.
 */
public class ApiKey {

	private final long id;

	private final String publicId;

	private final TenantId tenantId;

	private final Environment environment;

	private String name;

	private final String tokenPrefix;

	private final Instant createdAt;

	private final Creator createdBy;

	private Instant expiresAt;

	private boolean active;

	private Instant deactivatedAt;

	private Instant deletedAt;

	private final Instant lastUsedAt;

	private Scopes scopes;

	/** Whether a person (not a key) made the last deactivation: then no key may undo it. */
	private boolean deactivatedByPerson;

	/** The key's own limit, overriding its tenant's default; {@code null} for none. */
	private RateLimit rateLimit;

	private IpAllowlist allowedIps;

	private Instant leakReportedAt;

	private String leakUrl;

	/** The key this one replaced by a roll, or {@code null}. */
	private KeyLink rolledFrom;

	/** The key that replaced this one by a roll, or {@code null}. */
	private KeyLink rolledTo;

	/**
	 * Another key as a detail view links to it: by its prefix, and only while it exists.
	 *
	 * @param id internal id
	 * @param publicId for the link
	 * @param deleted whether the key is gone (then it is named but not linked)
	 */
	public record KeyLink(long id, String publicId, String tokenPrefix, boolean deleted) {
	}

	/** Who created a key. */
	public record Creator(UserId id, String displayName, String email) {

		/** The creator as other users see them: the name, or the email where there is no name. */
		public String label() {
			return (this.displayName == null || this.displayName.isBlank()) ? this.email : this.displayName;
		}

	}

	ApiKey(long id, String publicId, TenantId tenantId, Environment environment, String name, String tokenPrefix,
			Instant createdAt, Creator createdBy, Instant expiresAt, boolean active, Instant deactivatedAt,
			Instant deletedAt, Instant lastUsedAt, Scopes scopes, boolean deactivatedByPerson, RateLimit rateLimit,
			IpAllowlist allowedIps, Instant leakReportedAt, String leakUrl) {
		this.allowedIps = allowedIps;
		this.leakReportedAt = leakReportedAt;
		this.leakUrl = leakUrl;
		this.rateLimit = rateLimit;
		this.id = id;
		this.publicId = publicId;
		this.tenantId = tenantId;
		this.environment = environment;
		this.name = name;
		this.tokenPrefix = tokenPrefix;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.expiresAt = expiresAt;
		this.active = active;
		this.deactivatedAt = deactivatedAt;
		this.deletedAt = deletedAt;
		this.lastUsedAt = lastUsedAt;
		this.scopes = scopes;
		this.deactivatedByPerson = deactivatedByPerson;
	}

	/**
	 * @param byPerson whether a person asks (not a key): a key cannot undo what a person did
	 * @return whether anything changed
	 */
	boolean deactivate(Instant now, boolean byPerson) {
		requireNotDeleted();
		if (!this.active) {
			return false;
		}
		this.active = false;
		this.deactivatedAt = now;
		this.deactivatedByPerson = byPerson;
		return true;
	}

	/**
	 * A key that a person deactivated (because it leaked, say) stays so until a person reactivates it: a key
	 * cannot bring it back.
	 * @return whether anything changed
	 */
	boolean reactivate(boolean byPerson) {
		requireNotDeleted();
		if (this.active) {
			return false;
		}
		if (!byPerson && this.deactivatedByPerson) {
			throw KeyRefusedException.escalation(
					"A person deactivated this key; only a person can reactivate it, in the dashboard.");
		}
		this.deactivatedByPerson = false;
		this.active = true;
		this.deactivatedAt = null;
		return true;
	}

	/** Deleting is irreversible: a deleted key never authenticates again and cannot be reactivated. */
	void delete(Instant now) {
		requireNotDeleted();
		this.active = false;
		this.deletedAt = now;
	}

	/** Only a person changes a key's scopes: a key never widens (or narrows) what keys can do. */
	boolean changeScopes(Scopes scopes, boolean byPerson) {
		requireNotDeleted();
		if (!byPerson) {
			throw KeyRefusedException.escalation("An API key cannot change scopes; a person can, in the dashboard.");
		}
		if (this.scopes.equals(scopes)) {
			return false;
		}
		this.scopes = scopes;
		return true;
	}

	/**
	 * @param checkedName already checked by {@link KeyName#check}
	 * @return whether anything changed
	 */
	boolean rename(String checkedName) {
		requireNotDeleted();
		if (this.name.equals(checkedName)) {
			return false;
		}
		this.name = checkedName;
		return true;
	}

	/**
	 * A deactivated or expired key may be given a new expiration too: that is how an expired key comes back,
	 * instead of being created again.
	 * @param expiresAt {@code null} for never
	 * @return whether anything changed
	 */
	boolean changeExpiration(Instant expiresAt) {
		requireNotDeleted();
		if (java.util.Objects.equals(this.expiresAt, expiresAt)) {
			return false;
		}
		this.expiresAt = expiresAt;
		return true;
	}

	/**
	 * This key was rolled: it stops working at {@code latest}, or earlier where it already would.
	 * @param successor the key that replaces it
	 */
	void rolledTo(KeyLink successor, Instant latest) {
		requireNotDeleted();
		if (this.rolledTo != null) {
			throw new KeyAlreadyRolledException(this.rolledTo.tokenPrefix());
		}
		this.rolledTo = successor;
		if (this.expiresAt == null || latest.isBefore(this.expiresAt)) {
			this.expiresAt = latest;
		}
	}

	/** Set by the repository when it reads the key. */
	void linked(KeyLink rolledFrom, KeyLink rolledTo) {
		this.rolledFrom = rolledFrom;
		this.rolledTo = rolledTo;
	}

	/** A secret scanner found the token in public, at this URL. */
	void reportLeak(Instant now, String url) {
		this.leakReportedAt = now;
		this.leakUrl = (url.length() > 2000) ? url.substring(0, 2000) : url;
	}

	boolean changeAllowedIps(IpAllowlist allowedIps) {
		requireNotDeleted();
		if (this.allowedIps.equals(allowedIps)) {
			return false;
		}
		this.allowedIps = allowedIps;
		return true;
	}

	/** @param rateLimit {@code null} to follow the tenant's default */
	boolean changeRateLimit(RateLimit rateLimit) {
		requireNotDeleted();
		if (java.util.Objects.equals(this.rateLimit, rateLimit)) {
			return false;
		}
		this.rateLimit = rateLimit;
		return true;
	}

	private void requireNotDeleted() {
		if (this.deletedAt != null) {
			throw new ApiKeyNotFoundException();
		}
	}

	public boolean isExpiredAt(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

	public KeyStatus statusAt(Instant now) {
		if (isExpiredAt(now)) {
			return KeyStatus.EXPIRED;
		}
		return this.active ? KeyStatus.ACTIVE : KeyStatus.INACTIVE;
	}

	long id() {
		return this.id;
	}

	public String publicId() {
		return this.publicId;
	}

	public TenantId tenantId() {
		return this.tenantId;
	}

	public Environment environment() {
		return this.environment;
	}

	public String name() {
		return this.name;
	}

	public String tokenPrefix() {
		return this.tokenPrefix;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Creator createdBy() {
		return this.createdBy;
	}

	public Instant expiresAt() {
		return this.expiresAt;
	}

	public boolean isActive() {
		return this.active;
	}

	public Instant deactivatedAt() {
		return this.deactivatedAt;
	}

	public Instant deletedAt() {
		return this.deletedAt;
	}

	public Instant lastUsedAt() {
		return this.lastUsedAt;
	}

	public Scopes scopes() {
		return this.scopes;
	}

	public Instant leakReportedAt() {
		return this.leakReportedAt;
	}

	public String leakUrl() {
		return this.leakUrl;
	}

	public IpAllowlist allowedIps() {
		return this.allowedIps;
	}

	public RateLimit rateLimit() {
		return this.rateLimit;
	}

	public KeyLink rolledFrom() {
		return this.rolledFrom;
	}

	public KeyLink rolledTo() {
		return this.rolledTo;
	}

	public boolean deactivatedByPerson() {
		return this.deactivatedByPerson;
	}

}
