package dev.latchkey.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.latchkey.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tenants with their member counts, for the operator console, newest first. */
@Repository
class TenantDirectory {

	private static final String SELECT = "select t.id, t.name, t.production_enabled, t.suspended, t.created_at, "
			+ "(select count(*) from users u where u.tenant_id = t.id and u.removed_at is null) as members "
			+ "from tenants t ";

	private final JdbcClient jdbc;

	TenantDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	TenantPage page(String search, int page, int size) {
		String where = "";
		List<Object> params = new ArrayList<>();
		if (search != null && !search.isBlank()) {
			where = "where t.name_normalized like ? escape '\\' ";
			params.add("%" + search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
				.replace("_", "\\_") + "%");
		}
		long total = this.jdbc.sql("select count(*) from tenants t " + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		List<TenantSummary> tenants = this.jdbc.sql(SELECT + where + "order by t.created_at desc, t.id desc limit ? offset ?")
			.params(pageParams)
			.query((rs, n) -> new TenantSummary(new TenantId(rs.getLong("id")), rs.getString("name"),
					rs.getBoolean("production_enabled"), rs.getBoolean("suspended"), rs.getLong("members"), 0,
					rs.getTimestamp("created_at").toInstant()))
			.list();
		return new TenantPage(tenants, page, size, total);
	}

	Optional<TenantSummary> find(TenantId id) {
		return this.jdbc.sql(SELECT + "where t.id = ?")
			.param(id.value())
			.query((rs, n) -> new TenantSummary(new TenantId(rs.getLong("id")), rs.getString("name"),
					rs.getBoolean("production_enabled"), rs.getBoolean("suspended"), rs.getLong("members"), 0,
					rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	/** The current (not removed) members' emails, to end their sessions when the tenant is suspended. */
	List<String> memberEmails(TenantId id) {
		return this.jdbc.sql("select email from users where tenant_id = ? and removed_at is null")
			.param(id.value())
			.query(String.class)
			.list();
	}

}
