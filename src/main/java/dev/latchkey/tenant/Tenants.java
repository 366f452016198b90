package dev.latchkey.tenant;

import dev.latchkey.shared.TenantId;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class Tenants {

	private final JdbcClient jdbc;

	Tenants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Tenant create(String name, boolean productionEnabled, Instant now) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into tenants (name, production_enabled, created_at) values (?, ?, ?)")
			.params(name, productionEnabled, Timestamp.from(now))
			.update(keys, "id");
		return new Tenant(new TenantId(keys.getKey().longValue()), name, productionEnabled);
	}

	public Optional<Tenant> find(TenantId id) {
		return this.jdbc.sql("select id, name, production_enabled from tenants where id = ?")
			.param(id.value())
			.query((rs, n) -> new Tenant(new TenantId(rs.getLong("id")), rs.getString("name"),
					rs.getBoolean("production_enabled")))
			.optional();
	}

	public void grantProduction(TenantId id, boolean granted) {
		this.jdbc.sql("update tenants set production_enabled = ? where id = ?").params(granted, id.value()).update();
	}

	public boolean isEmpty() {
		return this.jdbc.sql("select count(*) from tenants").query(Long.class).single() == 0;
	}

}
