package dev.latchkey.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.latchkey.account.Role;
import dev.latchkey.shared.TenantId;
import dev.latchkey.shared.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The members of a tenant: the {@code users} rows of that tenant that were not removed. Every query takes the
 * tenant, so a member id of another tenant finds nothing.
 */
@Repository
class Members {

	private static final String SELECT = "select id, tenant_id, display_name, email, role, enabled, invited, "
			+ "last_sign_in_at, created_at from users ";

	private final JdbcClient jdbc;

	Members(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Member> list(TenantId tenant) {
		return this.jdbc.sql(SELECT + "where tenant_id = ? and removed_at is null order by created_at, id")
			.param(tenant.value())
			.query(Members::map)
			.list();
	}

	Optional<Member> find(TenantId tenant, UserId id) {
		return this.jdbc.sql(SELECT + "where tenant_id = ? and id = ? and removed_at is null")
			.params(tenant.value(), id.value())
			.query(Members::map)
			.optional();
	}

	/** The tenant of a user that is not removed, if any: to tell "already a member" from "in another tenant". */
	Optional<TenantId> tenantOfEmail(String normalizedEmail) {
		return this.jdbc.sql("select tenant_id from users where email_normalized = ?")
			.param(normalizedEmail)
			.query((rs, n) -> new TenantId(rs.getLong("tenant_id")))
			.optional();
	}

	/**
	 * Locks the tenant's row until the transaction ends, so that two admins changing members at once are taken one
	 * after the other: otherwise each could demote the other and leave the tenant without an admin.
	 */
	void lockTenant(TenantId tenant) {
		this.jdbc.sql("select id from tenants where id = ? for update").param(tenant.value()).query(Long.class).list();
	}

	long countActiveAdmins(TenantId tenant) {
		return this.jdbc
			.sql("select count(*) from users where tenant_id = ? and role = 'ADMIN' and enabled and not invited "
					+ "and removed_at is null")
			.param(tenant.value())
			.query(Long.class)
			.single();
	}

	void updateRole(TenantId tenant, UserId id, Role role) {
		this.jdbc.sql("update users set role = ? where tenant_id = ? and id = ?")
			.params(role.name(), tenant.value(), id.value())
			.update();
	}

	void updateName(TenantId tenant, UserId id, String name) {
		this.jdbc.sql("update users set display_name = ? where tenant_id = ? and id = ?")
			.params(name, tenant.value(), id.value())
			.update();
	}

	void setEnabled(TenantId tenant, UserId id, boolean enabled) {
		this.jdbc.sql("update users set enabled = ? where tenant_id = ? and id = ?")
			.params(enabled, tenant.value(), id.value())
			.update();
	}

	/**
	 * The row stays, because keys and history name their creator, but the member can never sign in again and its
	 * address is free for a new invitation, here or in another tenant.
	 */
	void markRemoved(TenantId tenant, UserId id, Instant now) {
		this.jdbc
			.sql("update users set removed_at = ?, enabled = false, email_normalized = '#removed#' || cast(id as varchar(20)) "
					+ "where tenant_id = ? and id = ?")
			.params(Timestamp.from(now), tenant.value(), id.value())
			.update();
	}

	private static Member map(ResultSet rs, int row) throws SQLException {
		Member.Status status = rs.getBoolean("invited") ? Member.Status.INVITED
				: rs.getBoolean("enabled") ? Member.Status.ACTIVE : Member.Status.DISABLED;
		Timestamp lastSignIn = rs.getTimestamp("last_sign_in_at");
		return new Member(new UserId(rs.getLong("id")), new TenantId(rs.getLong("tenant_id")),
				rs.getString("display_name"), rs.getString("email"), Role.valueOf(rs.getString("role")), status,
				(lastSignIn != null) ? lastSignIn.toInstant() : null, rs.getTimestamp("created_at").toInstant());
	}

}
