package dev.latchkey.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.latchkey.shared.UserId;
import dev.latchkey.shared.TenantId;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every query that reads a tenant's keys takes the tenant: a key id alone finds nothing. */
@Repository
class ApiKeys {

	private static final String SELECT = "select k.id, k.public_id, k.tenant_id, k.environment, k.name, k.token_prefix, "
			+ "k.created_at, k.created_by, u.display_name, u.email, k.expires_at, k.active, k.deactivated_at, "
			+ "k.deleted_at, k.last_used_at, k.scopes, k.deactivated_by_person, k.rate_limit_requests, "
			+ "k.rate_limit_per_seconds, k.allowed_ips, k.leak_reported_at, k.leak_url, "
			+ "rf.id as from_id, rf.public_id as from_public_id, rf.token_prefix as from_prefix, "
			+ "rf.deleted_at as from_deleted_at, rt.id as to_id, rt.public_id as to_public_id, "
			+ "rt.token_prefix as to_prefix, rt.deleted_at as to_deleted_at "
			+ "from api_keys k join users u on u.id = k.created_by "
			+ "left join api_keys rf on rf.id = k.rolled_from_id and rf.tenant_id = k.tenant_id "
			+ "left join api_keys rt on rt.id = k.rolled_to_id and rt.tenant_id = k.tenant_id ";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	/** Whether the database is H2, whose planner the key list tells which index to read. */
	private final boolean h2;

	ApiKeys(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.h2 = "H2".equals(jdbcTemplate.execute(
				(ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName()));
	}

	long insert(String publicId, TenantId tenant, Environment environment, String name, String tokenPrefix,
			String tokenHash, Instant createdAt, UserId createdBy, Instant expiresAt, Scopes scopes,
			RateLimit rateLimit, IpAllowlist allowedIps) {
		return insert(publicId, tenant, environment, name, tokenPrefix, tokenHash, createdAt, createdBy, expiresAt,
				scopes, rateLimit, allowedIps, null);
	}

	/** @param rolledFrom the internal id of the key this one replaces by a roll, or {@code null} */
	long insert(String publicId, TenantId tenant, Environment environment, String name, String tokenPrefix,
			String tokenHash, Instant createdAt, UserId createdBy, Instant expiresAt, Scopes scopes,
			RateLimit rateLimit, IpAllowlist allowedIps, Long rolledFrom) {
		var keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into api_keys (public_id, tenant_id, environment, name, token_prefix, token_hash, created_at, "
					+ "created_by, expires_at, active, scopes, legacy_token, rate_limit_requests, rate_limit_per_seconds, "
					+ "allowed_ips, rolled_from_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, false, ?, ?, ?, ?)")
			.params(publicId, tenant.value(), environment.value(), name, tokenPrefix, tokenHash,
					timestamp(createdAt), createdBy.value(), timestamp(expiresAt), scopes.toColumn(),
					(rateLimit != null) ? rateLimit.requests() : null,
					(rateLimit != null) ? rateLimit.perSeconds() : null, column(allowedIps), rolledFrom)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<ApiKey> find(TenantId tenant, String publicId) {
		return this.jdbc.sql(SELECT + "where k.tenant_id = ? and k.public_id = ? and k.deleted_at is null")
			.params(tenant.value(), publicId)
			.query(ApiKeys::map)
			.optional();
	}

	/** The key also when it was deleted: its detail URL keeps showing its history (the audit log links to it). */
	Optional<ApiKey> findIncludingDeleted(TenantId tenant, String publicId) {
		return this.jdbc.sql(SELECT + "where k.tenant_id = ? and k.public_id = ?")
			.params(tenant.value(), publicId)
			.query(ApiKeys::map)
			.optional();
	}

	/** Any tenant's key by its token's hash, deleted ones left out: only for leak reports, which name no tenant. */
	Optional<ApiKey> findByTokenHash(String tokenHash) {
		return this.jdbc.sql(SELECT + "where k.token_hash = ? and k.deleted_at is null")
			.param(tokenHash)
			.query(ApiKeys::map)
			.optional();
	}

	/** The key an API request authenticated with, by its internal id (see {@code Actor#apiKeyId()}). */
	Optional<ApiKey> findById(TenantId tenant, long id) {
		return this.jdbc.sql(SELECT + "where k.tenant_id = ? and k.id = ? and k.deleted_at is null")
			.params(tenant.value(), id)
			.query(ApiKeys::map)
			.optional();
	}

	/**
	 * How far the total of a list is counted: "1,000+ keys" tells as much as "1,000,000 keys" and costs a
	 * thousandth (counting 10,000 index entries took H2 25 ms, too much of a 50 ms page). A page further down counts a
	 * page beyond itself, so it knows whether it is past the end.
	 */
	static final int COUNT_BOUND = 1_000;

	/**
	 * A page of the tenant's keys (issue 13: answers in milliseconds with a million of them). Each part reads an
	 * index in the order asked for and stops after the page: the status and environment are conditions on the rows
	 * read; a search is a prefix match on an index (the lower-cased name, {@code name_lower}, or the key prefix),
	 * the two joined by {@code union} as an {@code or} would keep both databases off the indexes; a whole token is
	 * one equality match on the token-hash index. The total is counted up to {@link #COUNT_BOUND}.
	 */
	ApiKeyPage page(TenantId tenant, KeyListQuery query, Instant now) {
		List<Arm> arms = arms(tenant, query, now);
		String order = query.sort().orderBy(query.descending());
		String sortIndex = query.sort().h2Index(query.descending());
		long offset = (long) query.page() * query.size();
		// One row more than the page tells whether another page follows.
		int rows = query.size() + 1;
		String matches;
		List<Object> params = new ArrayList<>();
		if (arms.size() == 1) {
			Arm arm = arms.get(0);
			matches = "select * from " + from(arm.searchIndex() != null ? arm.searchIndex() : sortIndex) + arm.where();
			params.addAll(arm.params());
		}
		else {
			// Each arm stops after the rows the page can need; the union sorts no more than those.
			List<String> parts = new ArrayList<>();
			for (Arm arm : arms) {
				parts.add("(select k.* from " + from(arm.searchIndex()) + arm.where() + " order by " + order + " limit ?)");
				params.addAll(arm.params());
				params.add(offset + rows);
			}
			matches = "select * from (" + String.join(" union ", parts) + ") k";
		}
		params.add(rows);
		params.add(offset);
		// The page is chosen from api_keys alone and only its rows are joined to their creators: joining first
		// made H2 look up the creator of every one of the tenant's keys before sorting them.
		List<ApiKey> keys = new ArrayList<>(this.jdbc
			.sql(SELECT.replace("from api_keys k",
					"from (" + matches + " order by " + order + " limit ? offset ?) k") + "order by " + order)
			.params(params)
			.query(ApiKeys::map)
			.list());
		boolean hasMore = keys.size() > query.size();
		if (hasMore) {
			keys.remove(keys.size() - 1);
		}
		long bound = Math.max(COUNT_BOUND, offset + query.size());
		long counted = count(arms, bound + 1);
		return new ApiKeyPage(keys, query.page(), query.size(), Math.min(counted, bound), counted <= bound, hasMore);
	}

	/** How many keys the arms find together, reading no more than {@code limit} rows of each. */
	private long count(List<Arm> arms, long limit) {
		List<String> parts = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		for (Arm arm : arms) {
			String index = (arm.searchIndex() != null) ? arm.searchIndex() : "api_keys_tenant_deleted_idx";
			parts.add("(select k.id from " + from(index) + arm.where() + " limit ?)");
			params.addAll(arm.params());
			params.add(limit);
		}
		return this.jdbc.sql("select count(*) from (" + String.join(" union ", parts) + ") c")
			.params(params)
			.query(Long.class)
			.single();
	}

	/** {@code api_keys k}, on H2 with the index it is to read (see {@link KeySort#h2Index}). */
	private String from(String h2Index) {
		return (this.h2 && h2Index != null && !h2Index.isEmpty()) ? "api_keys k use index (" + h2Index + ") "
				: "api_keys k ";
	}

	/**
	 * The where clauses whose union is the list: one, or a name arm and a key-prefix arm for a text search, each
	 * with the index that finds its rows ({@code null}: the sort's own).
	 */
	private static List<Arm> arms(TenantId tenant, KeyListQuery query, Instant now) {
		var where = new StringBuilder("where k.tenant_id = ? and k.deleted_at is null");
		List<Object> params = new ArrayList<>(List.of(tenant.value()));
		if (query.status() != null) {
			where.append(switch (query.status()) {
				case ACTIVE -> " and k.active = true and (k.expires_at is null or k.expires_at > ?)";
				case INACTIVE -> " and k.active = false and (k.expires_at is null or k.expires_at > ?)";
				case EXPIRED -> " and k.expires_at <= ?";
			});
			params.add(timestamp(now));
		}
		if (query.environment() != null) {
			where.append(" and k.environment = ?");
			params.add(query.environment().value());
		}
		String search = (query.search() != null) ? query.search().strip() : "";
		if (search.isEmpty()) {
			return List.of(new Arm(where.toString(), params, null));
		}
		if (query.searchesToken()) {
			// Only the hash is compared: the token itself goes no further than this line.
			// (H2 finds it on the unique index without being told: "" names no index)
			return List.of(new Arm(where + " and k.token_hash = ?", plus(params, ApiKeyToken.hash(search)), ""));
		}
		String needle = search.toLowerCase(Locale.ROOT);
		List<Arm> arms = new ArrayList<>();
		arms.add(startsWith(where, params, "k.name_lower", needle, "api_keys_tenant_name_idx"));
		String prefix = keyPrefix(needle);
		if (prefix != null) {
			arms.add(startsWith(where, params, "k.token_prefix", prefix, "api_keys_tenant_prefix_idx"));
		}
		return arms;
	}

	/**
	 * The rows whose column starts with the text, as a range on the column's index ({@code >= 'abc' and < 'abd'}),
	 * which both databases read as one: H2 does not turn a {@code like ?} into a range, and scanned a million names
	 * for it. The {@code like} keeps the answer exact, and PostgreSQL reads the key prefix's pattern index with it.
	 */
	private static Arm startsWith(CharSequence where, List<Object> params, String column, String text, String index) {
		List<Object> all = plus(params, text);
		String condition = " and " + column + " >= ?";
		String after = followingPrefix(text);
		if (after != null) {
			condition += " and " + column + " < ?";
			all.add(after);
		}
		all.add(escapeLike(text) + "%");
		return new Arm(where + condition + " and " + column + " like ? escape '\\'", all, index);
	}

	/**
	 * The smallest text after every text starting with this one, in code point order (H2's, and PostgreSQL's for
	 * name_lower with collation "C"): the last character moved one on ("abc" → "abd"); {@code null} if there is
	 * none.
	 */
	static String followingPrefix(String text) {
		int last = text.codePointBefore(text.length());
		if (last >= Character.MAX_CODE_POINT) {
			return null;
		}
		return text.substring(0, text.length() - Character.charCount(last)) + Character.toString(last + 1);
	}

	/**
	 * The part of a search that can be the start of a key prefix, or {@code null} when it cannot be: every prefix
	 * starts with "key_" and is 8 characters long. A longer text starting like a token (a token's first part, or the
	 * prefix as the list shows it, "key_3f9a…") is searched by its first 8 characters.
	 */
	static String keyPrefix(String needle) {
		String text = needle.endsWith("…") ? needle.substring(0, needle.length() - 1) : needle;
		if (text.length() < ApiKeyToken.MARKER.length()) {
			return ApiKeyToken.MARKER.startsWith(text) ? text : null;
		}
		if (!text.startsWith(ApiKeyToken.MARKER)) {
			return null;
		}
		return text.substring(0, Math.min(text.length(), ApiKeyToken.PREFIX_LENGTH));
	}

	private static List<Object> plus(List<Object> params, Object param) {
		List<Object> all = new ArrayList<>(params);
		all.add(param);
		return all;
	}

	private record Arm(String where, List<Object> params, String searchIndex) {
	}

	/** The tenant's active (neither deactivated nor deleted) keys that one member created. */
	List<ApiKey> activeCreatedBy(TenantId tenant, UserId creator) {
		return this.jdbc.sql(SELECT + "where k.tenant_id = ? and k.created_by = ? and k.active and k.deleted_at is null")
			.params(tenant.value(), creator.value())
			.query(ApiKeys::map)
			.list();
	}

	/** How many active keys each tenant has; tenants without one are absent. */
	Map<TenantId, Long> activeCounts(Collection<TenantId> tenants) {
		if (tenants.isEmpty()) {
			return Map.of();
		}
		String marks = String.join(", ", Collections.nCopies(tenants.size(), "?"));
		Map<TenantId, Long> counts = new HashMap<>();
		this.jdbc
			.sql("select tenant_id, count(*) as active_keys from api_keys where active and deleted_at is null "
					+ "and tenant_id in (" + marks + ") group by tenant_id")
			.params(tenants.stream().map(TenantId::value).toList())
			.query((rs) -> {
				counts.put(new TenantId(rs.getLong("tenant_id")), rs.getLong("active_keys"));
			});
		return counts;
	}

	/** Writes the state an {@link ApiKey} guards; the tenant in the condition keeps it inside its tenant. */
	void saveState(ApiKey key) {
		this.jdbc
			.sql("update api_keys set active = ?, deactivated_at = ?, deleted_at = ?, deactivated_by_person = ?, "
					+ "scopes = ?, rate_limit_requests = ?, rate_limit_per_seconds = ?, "
					+ "allowed_ips = ?, leak_reported_at = ?, leak_url = ?, name = ?, expires_at = ?, rolled_to_id = ? "
					+ "where id = ? and tenant_id = ?")
			.params(key.isActive(), timestamp(key.deactivatedAt()), timestamp(key.deletedAt()),
					key.deactivatedByPerson(), key.scopes().toColumn(),
					(key.rateLimit() != null) ? key.rateLimit().requests() : null,
					(key.rateLimit() != null) ? key.rateLimit().perSeconds() : null, column(key.allowedIps()),
					timestamp(key.leakReportedAt()), key.leakUrl(), key.name(), timestamp(key.expiresAt()),
					(key.rolledTo() != null) ? key.rolledTo().id() : null, key.id(), key.tenantId().value())
			.update();
	}

	/** Keys that authenticate now: active, not deleted, not expired. */
	long countActive(TenantId tenant, Instant now) {
		return this.jdbc
			.sql("select count(*) from api_keys where tenant_id = ? and active = true and deleted_at is null "
					+ "and (expires_at is null or expires_at > ?)")
			.params(tenant.value(), timestamp(now))
			.query(Long.class)
			.single();
	}

	/**
	 * The authentication look-up: one equality match on the unique token-hash index. The tenant's state is part of
	 * the answer (issue 9): a suspended tenant's keys, and the production keys of a tenant whose production access
	 * was revoked, are refused like deactivated ones. Changing either moves the change counter (see
	 * {@link KeyChanges#tenantChanged}), so a cached answer never outlives it.
	 */
	Optional<StoredCredential> findCredential(String tokenHash) {
		return this.jdbc
			.sql("select k.id, k.public_id, k.tenant_id, t.name as tenant_name, k.name, k.environment, k.created_by, "
					+ "k.expires_at, k.active, k.deleted_at, k.last_used_at, t.suspended, t.production_enabled, "
					+ "k.scopes, k.rate_limit_requests, k.rate_limit_per_seconds, k.allowed_ips, "
					+ "s.rate_limit_requests as tenant_requests, s.rate_limit_per_seconds as tenant_per_seconds "
					+ "from api_keys k join tenants t on t.id = k.tenant_id "
					+ "left join tenant_settings s on s.tenant_id = k.tenant_id where k.token_hash = ?")
			.param(tokenHash)
			.query((rs, n) -> {
				Environment environment = environment(rs.getString("environment"));
				boolean tenantAllows = !rs.getBoolean("suspended")
						&& (environment != Environment.PRODUCTION || rs.getBoolean("production_enabled"));
				return new StoredCredential(
						new AuthenticatedKey(rs.getLong("id"), rs.getString("public_id"),
								new TenantId(rs.getLong("tenant_id")), rs.getString("tenant_name"), rs.getString("name"),
								environment, new UserId(rs.getLong("created_by")), instant(rs, "expires_at"),
								Scopes.fromColumn(rs.getString("scopes")), effectiveRateLimit(rs),
								IpAllowlist.fromColumn(rs.getString("allowed_ips"))),
						tenantAllows && rs.getBoolean("active") && rs.getTimestamp("deleted_at") == null,
						rs.getTimestamp("deleted_at") != null, instant(rs, "last_used_at"));
			})
			.optional();
	}

	/** Moves each key's last-used time forward, never back, in one batch. */
	void recordLastUsed(Map<Long, Instant> lastUsedByKey) {
		List<Object[]> rows = lastUsedByKey.entrySet()
			.stream()
			.map((e) -> new Object[] { timestamp(e.getValue()), e.getKey(), timestamp(e.getValue()) })
			.toList();
		this.jdbcTemplate.batchUpdate(
				"update api_keys set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)", rows);
	}

	record StoredCredential(AuthenticatedKey key, boolean enabled, boolean deleted, Instant lastUsedAt) {
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Environment environment(String value) {
		return Environment.valueOf(value.toUpperCase(Locale.ROOT));
	}

	/**
	 * Both databases keep microseconds and would round the rest; truncating instead means a key never outlives
	 * the expiration it was given.
	 */
	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS)) : null;
	}

	private static String column(IpAllowlist allowedIps) {
		return (allowedIps == null || allowedIps.isEmpty()) ? null : allowedIps.toColumn();
	}

	private static RateLimit effectiveRateLimit(ResultSet rs) throws SQLException {
		RateLimit own = rateLimit(rs, "rate_limit_requests", "rate_limit_per_seconds");
		return (own != null) ? own : rateLimit(rs, "tenant_requests", "tenant_per_seconds");
	}

	private static RateLimit rateLimit(ResultSet rs, String requests, String perSeconds) throws SQLException {
		int count = rs.getInt(requests);
		if (rs.wasNull()) {
			return null;
		}
		int seconds = rs.getInt(perSeconds);
		return rs.wasNull() ? null : new RateLimit(count, seconds);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static ApiKey map(ResultSet rs, int row) throws SQLException {
		ApiKey key = mapKey(rs);
		key.linked(link(rs, "from"), link(rs, "to"));
		return key;
	}

	private static ApiKey.KeyLink link(ResultSet rs, String side) throws SQLException {
		long id = rs.getLong(side + "_id");
		if (rs.wasNull()) {
			return null;
		}
		return new ApiKey.KeyLink(id, rs.getString(side + "_public_id"), rs.getString(side + "_prefix"),
				rs.getTimestamp(side + "_deleted_at") != null);
	}

	private static ApiKey mapKey(ResultSet rs) throws SQLException {
		return new ApiKey(rs.getLong("id"), rs.getString("public_id"), new TenantId(rs.getLong("tenant_id")),
				environment(rs.getString("environment")), rs.getString("name"), rs.getString("token_prefix"),
				instant(rs, "created_at"), new ApiKey.Creator(new UserId(rs.getLong("created_by")), rs.getString("display_name"),
						rs.getString("email")),
				instant(rs, "expires_at"), rs.getBoolean("active"), instant(rs, "deactivated_at"),
				instant(rs, "deleted_at"), instant(rs, "last_used_at"), Scopes.fromColumn(rs.getString("scopes")),
				rs.getBoolean("deactivated_by_person"), rateLimit(rs, "rate_limit_requests", "rate_limit_per_seconds"),
				IpAllowlist.fromColumn(rs.getString("allowed_ips")), instant(rs, "leak_reported_at"),
				rs.getString("leak_url"));
	}

}
