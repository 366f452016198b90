package dev.latchkey.tenant;

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
public class Tenants {

	private static final String SELECT = "select id, name, production_enabled, suspended from tenants ";

	private final JdbcClient jdbc;

	Tenants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Names are unique regardless of case: {@code Acme} and {@code ACME} are one name. */
	public static String normalize(String name) {
		return name.trim().toLowerCase(Locale.ROOT);
	}

	/** @throws org.springframework.dao.DuplicateKeyException if a tenant already has this name, regardless of case */
	public Tenant create(String name, boolean productionEnabled, Instant now) {
		var keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into tenants (name, name_normalized, production_enabled, created_at) values (?, ?, ?, ?)")
			.params(name.trim(), normalize(name), productionEnabled, Timestamp.from(now))
			.update(keys, "id");
		return new Tenant(new TenantId(keys.getKey().longValue()), name.trim(), productionEnabled, false);
	}

	public Optional<Tenant> find(TenantId id) {
		return this.jdbc.sql(SELECT + "where id = ?").param(id.value()).query(Tenants::map).optional();
	}

	public boolean nameTaken(String name) {
		return this.jdbc.sql("select count(*) from tenants where name_normalized = ?")
			.param(normalize(name))
			.query(Long.class)
			.single() > 0;
	}

	public void grantProduction(TenantId id, boolean granted) {
		this.jdbc.sql("update tenants set production_enabled = ? where id = ?").params(granted, id.value()).update();
	}

	public void suspend(TenantId id, boolean suspended) {
		this.jdbc.sql("update tenants set suspended = ? where id = ?").params(suspended, id.value()).update();
	}

	public boolean isEmpty() {
		return this.jdbc.sql("select count(*) from tenants").query(Long.class).single() == 0;
	}

	private static Tenant map(ResultSet rs, int row) throws SQLException {
		return new Tenant(new TenantId(rs.getLong("id")), rs.getString("name"), rs.getBoolean("production_enabled"),
				rs.getBoolean("suspended"));
	}

}
