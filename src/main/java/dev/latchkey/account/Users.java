package dev.latchkey.account;

import dev.latchkey.shared.UserId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import dev.latchkey.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class Users {

	private static final String SELECT = "select u.id, u.tenant_id, u.email, u.display_name, u.password_hash, u.role, "
			+ "u.enabled, u.operator, u.invited, t.suspended from users u join tenants t on t.id = u.tenant_id ";

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Emails are unique regardless of case: {@code Ada@Example.com} and {@code ada@example.com} are one account. */
	public static String normalize(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	public User create(TenantId tenant, String email, String displayName, String passwordHash, Role role,
			Instant now) {
		return insert(tenant, email, displayName, passwordHash, role, false, now);
	}

	/**
	 * An invited member: it cannot sign in until it accepted the invitation, and its password hash is that of a
	 * random secret nobody knows, so that the sign-in check costs the same as for anybody else.
	 */
	public User createInvited(TenantId tenant, String email, String displayName, String unusablePasswordHash,
			Role role, Instant now) {
		return insert(tenant, email, displayName, unusablePasswordHash, role, true, now);
	}

	private User insert(TenantId tenant, String email, String displayName, String passwordHash, Role role,
			boolean invited, Instant now) {
		var keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into users (tenant_id, email, email_normalized, display_name, password_hash, role, enabled, "
					+ "invited, created_at) values (?, ?, ?, ?, ?, ?, true, ?, ?)")
			.params(tenant.value(), email.trim(), normalize(email), displayName, passwordHash, role.name(), invited,
					Timestamp.from(now))
			.update(keys, "id");
		return new User(new UserId(keys.getKey().longValue()), tenant, email.trim(), displayName, passwordHash, role,
				true, false, invited, false);
	}

	/** Makes a user an operator (the bootstrap admin is the first). */
	public void grantOperator(UserId id) {
		this.jdbc.sql("update users set operator = true where id = ?").param(id.value()).update();
	}

	/** An invited member chose its password: it is active from now on. */
	public void markInvitationAccepted(UserId id) {
		this.jdbc.sql("update users set invited = false where id = ?").param(id.value()).update();
	}

	public void recordSignIn(UserId id, Instant now) {
		this.jdbc.sql("update users set last_sign_in_at = ? where id = ?").params(Timestamp.from(now), id.value()).update();
	}

	public Optional<User> findByEmail(String email) {
		return this.jdbc.sql(SELECT + "where u.email_normalized = ?")
			.param(normalize(email))
			.query(Users::map)
			.optional();
	}

	public Optional<User> find(UserId id) {
		return this.jdbc.sql(SELECT + "where u.id = ? and u.removed_at is null")
			.param(id.value())
			.query(Users::map)
			.optional();
	}

	/** The same password, hashed with today's settings: outstanding reset links stay valid. */
	void replacePasswordHash(UserId id, String passwordHash) {
		this.jdbc.sql("update users set password_hash = ? where id = ?").params(passwordHash, id.value()).update();
	}

	/** Only {@link Passwords} sets a password, so that everything that goes with it happens every time. */
	void updatePasswordHash(UserId id, String passwordHash) {
		this.jdbc.sql("update users set password_hash = ? where id = ?").params(passwordHash, id.value()).update();
	}

	public void updateDisplayName(UserId id, String displayName) {
		this.jdbc.sql("update users set display_name = ? where id = ?").params(displayName, id.value()).update();
	}

	private static User map(ResultSet rs, int row) throws SQLException {
		return new User(new UserId(rs.getLong("id")), new TenantId(rs.getLong("tenant_id")), rs.getString("email"),
				rs.getString("display_name"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
				rs.getBoolean("enabled"), rs.getBoolean("operator"), rs.getBoolean("invited"), rs.getBoolean("suspended"));
	}

}
