package dev.latchkey.support;

import java.time.Instant;

import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates tenants and users the way the application stores them. Import it into a test context. */
@Component
public class TestAccounts {

	private final Tenants tenants;

	private final Users users;

	private final PasswordEncoder passwordEncoder;

	private final JdbcClient jdbc;

	TestAccounts(Tenants tenants, Users users, PasswordEncoder passwordEncoder, JdbcClient jdbc) {
		this.tenants = tenants;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.jdbc = jdbc;
	}

	public Tenant tenant(String name, boolean production) {
		return this.tenants.create(name, production, Instant.now());
	}

	public User admin(Tenant tenant, String email, String displayName, String password) {
		return member(tenant, email, displayName, password, Role.ADMIN);
	}

	public User member(Tenant tenant, String email, String displayName, String password, Role role) {
		return this.users.create(tenant.id(), email, displayName, this.passwordEncoder.encode(password), role,
				Instant.now());
	}

	public User operator(Tenant tenant, String email, String displayName, String password) {
		User user = admin(tenant, email, displayName, password);
		this.users.grantOperator(user.id());
		return this.users.find(user.id()).orElseThrow();
	}

	public void setRole(User user, Role role) {
		this.jdbc.sql("update users set role = ? where id = ?").params(role.name(), user.id().value()).update();
	}

	public void enable(User user) {
		this.jdbc.sql("update users set enabled = true where id = ?").param(user.id().value()).update();
	}

	public void disable(User user) {
		this.jdbc.sql("update users set enabled = false where id = ?").param(user.id().value()).update();
	}

}
