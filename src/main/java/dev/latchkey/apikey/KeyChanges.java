package dev.latchkey.apikey;

import java.util.List;

import dev.latchkey.shared.TenantId;
import dev.latchkey.tenant.TenantAccessChanged;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Announces key changes. In the changing transaction: moves the shared change counter, logs which token hash the
 * new version is about, and on PostgreSQL sends a notification (delivered at commit) that wakes the other
 * instances' {@link KeyChangeListener}. To this instance's {@link CredentialCache}: once the change has committed,
 * before the service call returns.
 */
@Component
class KeyChanges {

	/** The PostgreSQL channel every instance listens on; the payload is the new counter value. */
	static final String CHANNEL = "latchkey_api_key_changes";

	/** How many versions the log keeps; an instance further behind than this clears its cache instead. */
	static final long LOG_RETAINED = 10_000;

	private final JdbcClient jdbc;

	private final CredentialCache cache;

	private final boolean notify;

	KeyChanges(JdbcClient jdbc, CredentialCache cache, CredentialCacheProperties properties,
			ObjectProvider<JdbcConnectionDetails> connection) {
		this.jdbc = jdbc;
		this.cache = cache;
		this.notify = properties.notifications() && KeyChangeListener.isPostgres(connection.getIfAvailable());
	}

	/** A key was deactivated, reactivated or deleted; call inside the transaction that changes it. */
	void changed(long keyId) {
		String tokenHash = this.jdbc.sql("select token_hash from api_keys where id = ?")
			.param(keyId)
			.query(String.class)
			.single();
		record(tokenHash, null, false);
		afterCommit(() -> this.cache.evict(TokenDigest.ofHex(tokenHash)));
	}

	/** A key was created; call inside the transaction that creates it. */
	void created(String tokenHash) {
		record(tokenHash, null, true);
		afterCommit(() -> this.cache.forgetUnknown(TokenDigest.ofHex(tokenHash)));
	}

	/**
	 * A tenant's production access or suspension changed (issue 9): every key of the tenant may now authenticate
	 * differently. Runs inside the operator's transaction; the other instances clear their caches when they see the
	 * counter move, this one forgets the tenant's keys after the commit.
	 */
	@EventListener
	void tenantChanged(TenantAccessChanged event) {
		tenantChanged(event.tenantId());
	}

	/**
	 * Something every cached key of the tenant carries changed (its access, or its default rate limit); call inside
	 * the changing transaction. Every instance forgets the tenant's keys.
	 */
	void tenantChanged(TenantId tenant) {
		record(null, tenant, false);
		afterCommit(() -> this.cache.evictTenant(tenant));
	}

	/** The counter every instance polls. */
	long version() {
		return this.jdbc.sql("select version from api_key_changes where id = 1").query(Long.class).single();
	}

	/**
	 * @return what the versions after {@code after} up to {@code upTo} were about, oldest first; fewer rows than
	 * versions when the log no longer holds them all
	 */
	List<Change> since(long after, long upTo) {
		return this.jdbc
			.sql("select version, token_hash, created, tenant_id from api_key_change_log where version > ? "
					+ "and version <= ? order by version")
			.params(after, upTo)
			.query((rs, n) -> new Change(rs.getLong("version"), rs.getString("token_hash"), rs.getBoolean("created"),
					(rs.getObject("tenant_id") != null) ? new TenantId(rs.getLong("tenant_id")) : null))
			.list();
	}

	/**
	 * The counter's row lock serialises changes: a version is committed only after every lower one, so a reader that
	 * sees version v also sees the log rows up to v.
	 */
	private void record(String tokenHash, TenantId tenant, boolean created) {
		this.jdbc.sql("update api_key_changes set version = version + 1 where id = 1").update();
		long version = version();
		this.jdbc.sql("insert into api_key_change_log (version, token_hash, created, tenant_id) values (?, ?, ?, ?)")
			.params(version, tokenHash, created, (tenant != null) ? tenant.value() : null)
			.update();
		if (version % 100 == 0) {
			this.jdbc.sql("delete from api_key_change_log where version <= ?").param(version - LOG_RETAINED).update();
		}
		if (this.notify) {
			this.jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, Long.toString(version)).query((rs) -> {
			});
		}
	}

	/**
	 * Evicting only after the commit matters: a request reading the row between an earlier eviction and the commit
	 * would still see the old state and could store it again. After the commit, the generation move refuses such
	 * late stores (see {@link CredentialCache}).
	 */
	private static void afterCommit(Runnable invalidation) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			invalidation.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				invalidation.run();
			}
		});
	}

	/**
	 * One version of the counter: the key it was about and whether it was a creation, or (token hash null) the
	 * tenant all of whose keys it was about.
	 */
	record Change(long version, String tokenHash, boolean created, TenantId tenant) {
	}

}
