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

	private static final String COLUMNS = "id, tenant_id, email, display_name, password_hash, role, enabled";

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Emails are unique regardless of case: {@code Ada@Example.com} and {@code ada@example.com} are one account. */
	static String normalize(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	public User create(TenantId tenant, String email, String displayName, String passwordHash, Role role,
			Instant now) {
		var keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into users (tenant_id, email, email_normalized, display_name, password_hash, role, enabled, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, true, ?)")
			.params(tenant.value(), email.trim(), normalize(email), displayName, passwordHash, role.name(),
					Timestamp.from(now))
			.update(keys, "id");
		return new User(new UserId(keys.getKey().longValue()), tenant, email.trim(), displayName, passwordHash, role,
				true);
	}

	public Optional<User> findByEmail(String email) {
		return this.jdbc.sql("select " + COLUMNS + " from users where email_normalized = ?")
			.param(normalize(email))
			.query(Users::map)
			.optional();
	}

	public Optional<User> find(UserId id) {
		return this.jdbc.sql("select " + COLUMNS + " from users where id = ?").param(id.value()).query(Users::map).optional();
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
				rs.getBoolean("enabled"));
	}

}
