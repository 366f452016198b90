package dev.latchkey.apikey;

import dev.latchkey.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A tenant's row of security settings; a tenant without one has the defaults. */
@Repository
class TenantSettings {

	private final JdbcClient jdbc;

	TenantSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	RateLimit defaultRateLimit(TenantId tenant) {
		return this.jdbc
			.sql("select rate_limit_requests, rate_limit_per_seconds from tenant_settings where tenant_id = ? "
					+ "and rate_limit_requests is not null and rate_limit_per_seconds is not null")
			.param(tenant.value())
			.query((rs, n) -> new RateLimit(rs.getInt(1), rs.getInt(2)))
			.optional()
			.orElse(null);
	}

	LeakPolicy leakPolicy(TenantId tenant) {
		return this.jdbc.sql("select leak_policy from tenant_settings where tenant_id = ?")
			.param(tenant.value())
			.query(String.class)
			.optional()
			.map((value) -> LeakPolicy.parse(value, "leak_policy"))
			.orElse(LeakPolicy.DEACTIVATE);
	}

	void save(TenantId tenant, RateLimit defaultRateLimit, LeakPolicy leakPolicy) {
		Integer requests = (defaultRateLimit != null) ? defaultRateLimit.requests() : null;
		Integer perSeconds = (defaultRateLimit != null) ? defaultRateLimit.perSeconds() : null;
		int updated = this.jdbc
			.sql("update tenant_settings set rate_limit_requests = ?, rate_limit_per_seconds = ?, leak_policy = ? "
					+ "where tenant_id = ?")
			.params(requests, perSeconds, leakPolicy.value(), tenant.value())
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("insert into tenant_settings (tenant_id, rate_limit_requests, rate_limit_per_seconds, leak_policy) "
						+ "values (?, ?, ?, ?)")
				.params(tenant.value(), requests, perSeconds, leakPolicy.value())
				.update();
		}
	}

	/** @return {@code null} for no maximum */
	Integer maxKeyLifetimeDays(TenantId tenant) {
		return this.jdbc.sql("select max_key_lifetime_days from tenant_settings where tenant_id = ?")
			.param(tenant.value())
			.query((rs, n) -> {
				int days = rs.getInt(1);
				return rs.wasNull() ? null : days;
			})
			.optional()
			.orElse(null);
	}

	/** @param days {@code null} for no maximum */
	void saveMaxKeyLifetime(TenantId tenant, Integer days) {
		int updated = this.jdbc.sql("update tenant_settings set max_key_lifetime_days = ? where tenant_id = ?")
			.params(days, tenant.value())
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into tenant_settings (tenant_id, max_key_lifetime_days) values (?, ?)")
				.params(tenant.value(), days)
				.update();
		}
	}

}
