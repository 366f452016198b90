package dev.latchkey.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.latchkey.shared.TenantId;
import dev.latchkey.shared.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The database side of expiry reminders: the lock, the keys that may be due, their recipients, the claim rows. */
@Repository
class ReminderStore {

	static final String LOCK = "expiry-reminders";

	private final JdbcClient jdbc;

	ReminderStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Holds the check's lock until the surrounding transaction ends; another instance waits here. */
	void lock() {
		this.jdbc.sql("select name from scheduler_locks where name = ? for update").param(LOCK).query(String.class).list();
	}

	/**
	 * Active keys of active tenants expiring after {@code now} and at most {@code until}, each with the smallest
	 * threshold already handled since its expiry last changed.
	 */
	List<ExpiringKey> expiring(Instant now, Instant until) {
		return this.jdbc
			.sql("select k.id, k.public_id, k.tenant_id, k.name, k.environment, k.token_prefix, k.expires_at, "
					+ "k.created_by, (select min(r.threshold_days) from key_reminders r where r.api_key_id = k.id) "
					+ "as smallest_sent from api_keys k join tenants t on t.id = k.tenant_id "
					+ "where k.active = true and k.deleted_at is null and k.rolled_to_id is null and k.expires_at > ? "
					+ "and k.expires_at <= ? "
					+ "and t.suspended = false order by k.expires_at, k.id")
			.params(Timestamp.from(now), Timestamp.from(until))
			.query(ReminderStore::expiringKey)
			.list();
	}

	Optional<Person> user(UserId id) {
		return this.jdbc
			.sql("select id, tenant_id, email, display_name, expiry_reminders, "
					+ "(enabled = true and invited = false and removed_at is null) as active from users where id = ?")
			.param(id.value())
			.query(ReminderStore::person)
			.optional();
	}

	/** Active admins of the tenant who have not turned reminders off. */
	List<Person> admins(TenantId tenant) {
		return this.jdbc
			.sql("select id, tenant_id, email, display_name, expiry_reminders, true as active from users "
					+ "where tenant_id = ? and role = 'ADMIN' and enabled = true and invited = false "
					+ "and removed_at is null and expiry_reminders = true order by id")
			.param(tenant.value())
			.query(ReminderStore::person)
			.list();
	}

	void claim(long apiKeyId, int thresholdDays, Instant now) {
		this.jdbc.sql("insert into key_reminders (api_key_id, threshold_days, sent_at) values (?, ?, ?)")
			.params(apiKeyId, thresholdDays, Timestamp.from(now))
			.update();
	}

	int forget(long apiKeyId) {
		return this.jdbc.sql("delete from key_reminders where api_key_id = ?").param(apiKeyId).update();
	}

	private static ExpiringKey expiringKey(ResultSet rs, int row) throws SQLException {
		Number smallest = (Number) rs.getObject("smallest_sent");
		return new ExpiringKey(rs.getLong("id"), rs.getString("public_id"), new TenantId(rs.getLong("tenant_id")),
				rs.getString("name"), rs.getString("environment"), rs.getString("token_prefix"),
				rs.getTimestamp("expires_at").toInstant(), new UserId(rs.getLong("created_by")),
				(smallest != null) ? smallest.intValue() : null);
	}

	private static Person person(ResultSet rs, int row) throws SQLException {
		return new Person(new UserId(rs.getLong("id")), new TenantId(rs.getLong("tenant_id")), rs.getString("email"),
				rs.getString("display_name"), rs.getBoolean("expiry_reminders"), rs.getBoolean("active"));
	}

	/** @param smallestSent the smallest threshold already handled, {@code null} if none */
	record ExpiringKey(long id, String publicId, TenantId tenantId, String name, String environment,
			String tokenPrefix, Instant expiresAt, UserId createdBy, Integer smallestSent) {
	}

	record Person(UserId id, TenantId tenantId, String email, String displayName, boolean wantsReminders,
			boolean active) {

		String label() {
			return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.email;
		}

	}

}
