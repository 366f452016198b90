package dev.latchkey.apikey;

import dev.latchkey.tenant.TenantAccessChanged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Announces key changes: to other instances through the shared change counter, moved in the changing transaction,
 * and to this instance's {@link CredentialCache} once the change has committed, before the service call returns.
 */
@Component
class KeyChanges {

	private final JdbcClient jdbc;

	private final CredentialCache cache;

	KeyChanges(JdbcClient jdbc, CredentialCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	/** A key was deactivated, reactivated or deleted; call inside the transaction that changes it. */
	void changed(long keyId) {
		bump();
		afterCommit(() -> this.cache.evict(keyId));
	}

	/** A key was created; call inside the transaction that creates it. */
	void created() {
		bump();
		afterCommit(this.cache::forgetUnknown);
	}

	/**
	 * A tenant's production access or suspension changed (issue 9): every key of the tenant may now authenticate
	 * differently. Runs inside the operator's transaction; the other instances clear their caches when they see the
	 * counter move, this one forgets the tenant's keys after the commit.
	 */
	@EventListener
	void tenantChanged(TenantAccessChanged event) {
		bump();
		afterCommit(() -> this.cache.evictTenant(event.tenantId()));
	}

	/** A tenant-wide setting that cached keys carry changed (its default rate limit). */
	void tenantChanged() {
		bump();
		afterCommit(this.cache::clear);
	}

	/** The counter every instance polls. */
	long version() {
		return this.jdbc.sql("select version from api_key_changes where id = 1").query(Long.class).single();
	}

	private void bump() {
		this.jdbc.sql("update api_key_changes set version = version + 1 where id = 1").update();
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

}
