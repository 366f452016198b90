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

	private final String name;

	private final String tokenPrefix;

	private final Instant createdAt;

	private final Creator createdBy;

	private final Instant expiresAt;

	private boolean active;

	private Instant deactivatedAt;

	private Instant deletedAt;

	private final Instant lastUsedAt;

	/** Who created a key. */
	public record Creator(UserId id, String displayName, String email) {

		/** The creator as other users see them: the name, or the email where there is no name. */
		public String label() {
			return (this.displayName == null || this.displayName.isBlank()) ? this.email : this.displayName;
		}

	}

	ApiKey(long id, String publicId, TenantId tenantId, Environment environment, String name, String tokenPrefix,
			Instant createdAt, Creator createdBy, Instant expiresAt, boolean active, Instant deactivatedAt,
			Instant deletedAt, Instant lastUsedAt) {
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
	}

	/** @return whether anything changed */
	boolean deactivate(Instant now) {
		requireNotDeleted();
		if (!this.active) {
			return false;
		}
		this.active = false;
		this.deactivatedAt = now;
		return true;
	}

	/** @return whether anything changed */
	boolean reactivate() {
		requireNotDeleted();
		if (this.active) {
			return false;
		}
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

}
