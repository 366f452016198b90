package dev.latchkey.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.latchkey.InvalidInputException;
import dev.latchkey.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a tenant's audit log, newest first, a page at a time by keyset: every query is bounded by the tenant, the
 * filter and the cursor, and walks one of the indexes of V60 (tenant, column, occurred_at, id) backwards, so the
 * first page and the ten-thousandth cost the same with a million events.
 */
@Repository
public class AuditTrail {

	public static final int MAX_PAGE_SIZE = 200;

	/** The export reads in pages of this many rows, so memory stays flat whatever the log's size. */
	static final int EXPORT_CHUNK = 1_000;

	private static final String SELECT = "select e.id, e.tenant_id, e.occurred_at, e.action, e.client_ip, e.actor_email, "
			+ "au.display_name as actor_name, au.email as actor_user_email, au.operator as actor_operator, "
			+ "au.tenant_id as actor_tenant_id, ak.token_prefix as actor_prefix, k.public_id as key_public_id, "
			+ "k.name as key_name, k.token_prefix as key_prefix, k.deleted_at as key_deleted_at, "
			+ "su.display_name as subject_name, su.email as subject_email from (%s) p left join audit_events e on e.id = p.id "
			+ "left join users au on au.id = e.actor_user_id left join api_keys ak on ak.id = e.actor_key_id "
			+ "left join api_keys k on k.id = e.api_key_id left join users su on su.id = e.subject_user_id "
			+ "order by e.occurred_at desc, e.id desc";

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param after where the previous page ended, or {@code null} for the first page
	 * @param size 1 … {@value #MAX_PAGE_SIZE}
	 */
	public AuditPage page(TenantId tenant, AuditFilter filter, AuditCursor after, int size) {
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_PAGE_SIZE);
		}
		List<AuditEntry> rows = query(tenant, filter, after, size + 1);
		if (rows.size() <= size) {
			return new AuditPage(rows, null);
		}
		List<AuditEntry> page = rows.subList(0, size);
		return new AuditPage(List.copyOf(page), page.get(size - 1).cursor());
	}

	/** Every event the filter selects, newest first, handed over in chunks read one after the other. */
	public void each(TenantId tenant, AuditFilter filter, Consumer<AuditEntry> sink) {
		AuditCursor after = null;
		while (true) {
			List<AuditEntry> chunk = query(tenant, filter, after, EXPORT_CHUNK);
			chunk.forEach(sink);
			if (chunk.size() < EXPORT_CHUNK) {
				return;
			}
			after = chunk.get(chunk.size() - 1).cursor();
		}
	}

	private List<AuditEntry> query(TenantId tenant, AuditFilter filter, AuditCursor after, int limit) {
		StringBuilder where = new StringBuilder("where e.tenant_id = ? ");
		List<Object> params = new ArrayList<>();
		params.add(tenant.value());
		// The columns fixed by equality lead the ORDER BY too: the same order for one tenant, and the form in which
		// H2 (not only PostgreSQL) reads the matching index backwards and stops after a page instead of sorting.
		String order = "e.tenant_id desc, ";
		if (filter.action() != null) {
			where.append("and e.action = ? ");
			params.add(filter.action());
			order += "e.action desc, ";
		}
		if (filter.actorEmail() != null) {
			// what the person did themself (their keys' calls are under the key's prefix), sign-ins included
			where.append("and e.actor_user_id = (select u.id from users u where u.email_normalized = ?) "
					+ "and e.actor_key_id is null ");
			params.add(filter.actorEmail());
			if (filter.action() == null) {
				order += "e.actor_user_id desc, e.actor_key_id desc, ";
			}
		}
		if (filter.actorKeyPrefix() != null) {
			List<Long> keys = this.jdbc.sql("select id from api_keys where tenant_id = ? and token_prefix = ?")
				.params(tenant.value(), filter.actorKeyPrefix())
				.query(Long.class)
				.list();
			if (keys.isEmpty()) {
				return List.of();
			}
			where.append("and e.actor_key_id in (").append(String.join(", ", keys.stream().map((k) -> "?").toList()))
				.append(") ");
			params.addAll(keys);
			if (keys.size() == 1 && filter.action() == null && filter.actorEmail() == null) {
				order += "e.actor_key_id desc, ";
			}
		}
		if (filter.fromInstant() != null) {
			where.append("and e.occurred_at >= ? ");
			params.add(Timestamp.from(filter.fromInstant()));
		}
		if (filter.toInstantExclusive() != null) {
			where.append("and e.occurred_at < ? ");
			params.add(Timestamp.from(filter.toInstantExclusive()));
		}
		if (after != null) {
			// written so both databases take the range on occurred_at from the index and the tie on id after it
			where.append("and e.occurred_at <= ? and (e.occurred_at < ? or e.id < ?) ");
			Timestamp at = Timestamp.from(after.occurredAt());
			params.add(at);
			params.add(at);
			params.add(after.id());
		}
		params.add(limit);
		// The page's ids are chosen first, from the index alone: with the joins or every column, H2 prefers the
		// foreign key's index on tenant_id and sorts the whole tenant.
		String page = "select e.id from audit_events e " + where + "order by " + order
				+ "e.occurred_at desc, e.id desc limit ?";
		return this.jdbc.sql(SELECT.formatted(page))
			.params(params)
			.query(AuditTrail::map)
			.list();
	}

	private static AuditEntry map(ResultSet rs, int row) throws SQLException {
		String action = rs.getString("action");
		String keyId = rs.getString("key_public_id");
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), actor(rs, action), action,
				target(rs, action), keyId, keyId != null && rs.getTimestamp("key_deleted_at") != null,
				rs.getString("client_ip"));
	}

	private static String actor(ResultSet rs, String action) throws SQLException {
		String prefix = rs.getString("actor_prefix");
		if (prefix != null) {
			return prefix + "…";
		}
		String typed = rs.getString("actor_email");
		if (typed != null && action.startsWith("sign_in")) {
			return typed;
		}
		String email = rs.getString("actor_user_email");
		if (email == null) {
			return "Latchkey"; // nobody acted: a leak report, say
		}
		long actorTenant = rs.getLong("actor_tenant_id");
		if (rs.getBoolean("actor_operator") && actorTenant != rs.getLong("tenant_id")) {
			return "Operator " + email;
		}
		return person(rs.getString("actor_name"), email);
	}

	private static String target(ResultSet rs, String action) throws SQLException {
		String keyName = rs.getString("key_name");
		if (keyName != null) {
			return keyName + " (" + rs.getString("key_prefix") + "…)";
		}
		String subject = rs.getString("subject_email");
		if (subject != null) {
			return person(rs.getString("subject_name"), subject);
		}
		if (action.startsWith("tenant_") || action.startsWith("production_")) {
			return "Tenant";
		}
		return "";
	}

	private static String person(String name, String email) {
		return (name == null || name.isBlank() || name.equals(email)) ? email : name + " (" + email + ")";
	}

}
