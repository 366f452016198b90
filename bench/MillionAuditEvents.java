import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.latchkey.audit.AuditCursor;
import dev.latchkey.audit.AuditFilter;
import dev.latchkey.audit.AuditPage;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.shared.TenantId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Settings → Audit log with a million events: migrates a fresh database with the application's Flyway scripts
 * (H2 file in a temporary directory, or a throw-away PostgreSQL from the io.zonky binaries on 127.0.0.1), adds
 * COUNT events of one tenant by set-based SQL (100,000 rows a statement; one event in ten of a second tenant, two
 * events per second so timestamps tie, a rare action one in a thousand), then times the application's own
 * AuditTrail (the code the page, the CSV and the API call) for the first page, filtered pages and a page half-way
 * down by cursor: p50 and p99 over RUNS runs after a warm-up. Nothing listens but the embedded PostgreSQL, on
 * loopback, and everything is deleted at the end.
 *
 * <p>
 * java -cp target/classes:$(test class path) bench/MillionAuditEvents.java h2|postgres [COUNT] [RUNS]
 */
public class MillionAuditEvents {

	private static final int CHUNK = 100_000;

	private static final String ACTIONS = "case mod(x, 8) when 0 then 'created' when 1 then 'deactivated' "
			+ "when 2 then 'reactivated' when 3 then 'sign_in_succeeded' when 4 then 'sign_in_failed' "
			+ "when 5 then 'signed_out' when 6 then 'scopes changed' else 'member_role_changed' end";

	public static void main(String[] args) throws Exception {
		String database = args[0];
		int count = (args.length > 1) ? Integer.parseInt(args[1]) : 1_000_000;
		int runs = (args.length > 2) ? Integer.parseInt(args[2]) : 200;
		Path work = Files.createTempDirectory("latchkey-audit-bench");
		EmbeddedPostgres postgres = null;
		try {
			DataSource dataSource;
			if (database.equals("postgres")) {
				postgres = EmbeddedPostgres.builder()
					.setDataDirectory(work.resolve("postgres"))
					.setCleanDataDirectory(true)
					.setServerConfig("listen_addresses", "127.0.0.1")
					.start();
				dataSource = postgres.getPostgresDatabase();
			}
			else {
				JdbcDataSource h2 = new JdbcDataSource();
				h2.setURL("jdbc:h2:file:" + work.resolve("h2/latchkey") + ";AUTO_SERVER=FALSE");
				h2.setUser("sa");
				dataSource = h2;
			}
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			long[] ids = fill(dataSource, database.equals("postgres"), count);
			measure(dataSource, new TenantId(ids[0]), runs, count);
		}
		finally {
			if (postgres != null) {
				postgres.close();
			}
			try (var paths = Files.walk(work)) {
				paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	/** @return the measured tenant's id */
	private static long[] fill(DataSource dataSource, boolean postgres, int count) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
			Timestamp now = Timestamp.from(Instant.now());
			long tenant = insertReturningId(connection,
					"insert into tenants (name, name_normalized, created_at) values ('Bench', 'bench', ?)", now);
			long other = insertReturningId(connection,
					"insert into tenants (name, name_normalized, created_at) values ('Other', 'other', ?)", now);
			long[] users = new long[3];
			for (int i = 0; i < users.length; i++) {
				users[i] = insertReturningId(connection, "insert into users (tenant_id, email, email_normalized, "
						+ "display_name, password_hash, role, created_at) values (" + tenant + ", 'user" + i
						+ "@bench.test', 'user" + i + "@bench.test', 'User " + i + "', 'x', 'ADMIN', ?)", now);
			}
			long[] keys = new long[10];
			for (int i = 0; i < keys.length; i++) {
				keys[i] = insertReturningId(connection, "insert into api_keys (public_id, tenant_id, environment, name, "
						+ "token_prefix, token_hash, created_at, created_by, active) values ('bench-" + i + "', "
						+ tenant + ", 'development', 'Bench " + i + "', 'key_000" + i + "', 'hash" + i + "', ?, "
						+ users[0] + ", true)", now);
			}
			String time = postgres ? "cast(? as timestamp with time zone) - make_interval(secs => x / 2)"
					: "dateadd(second, -(x / 2), cast(? as timestamp with time zone))";
			String range = postgres ? "generate_series(?::bigint, ?::bigint) as x" : "system_range(?, ?)";
			String insert = "insert into audit_events (tenant_id, actor_user_id, actor_key_id, action, api_key_id, "
					+ "occurred_at, client_ip) select case when mod(x, 10) = 0 then " + other + " else " + tenant
					+ " end, case mod(x, 3) when 0 then " + users[0] + " when 1 then " + users[1] + " else " + users[2]
					+ " end, case when mod(x, 4) = 0 then " + keys[0] + " + mod(x, 10) else null end, "
					+ "case when mod(x, 1000) = 7 then 'password_changed' else " + ACTIONS + " end, "
					+ "case when mod(x, 8) < 3 then " + keys[0] + " + mod(x, 7) else null end, " + time
					+ ", '10.0.' || mod(x, 250) || '.1' from " + range;
			long started = System.nanoTime();
			try (PreparedStatement statement = connection.prepareStatement(insert)) {
				for (int from = 1; from <= count; from += CHUNK) {
					statement.setTimestamp(1, now);
					statement.setLong(2, from);
					statement.setLong(3, Math.min(count, from + CHUNK - 1));
					statement.executeUpdate();
					System.err.printf("[audit] %d events after %.0f s%n", Math.min(count, from + CHUNK - 1),
							(System.nanoTime() - started) / 1e9);
				}
			}
			sql.execute("analyze");
			System.out.printf("inserted %,d events in %.0f s%n", count, (System.nanoTime() - started) / 1e9);
			return new long[] { tenant };
		}
	}

	private static long insertReturningId(Connection connection, String sql, Timestamp now) throws Exception {
		try (PreparedStatement statement = connection.prepareStatement(sql, new String[] { "id" })) {
			statement.setTimestamp(1, now);
			statement.executeUpdate();
			try (ResultSet keys = statement.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

	private static void measure(DataSource dataSource, TenantId tenant, int runs, int count) throws Exception {
		Constructor<AuditTrail> constructor = AuditTrail.class.getDeclaredConstructor(JdbcClient.class);
		constructor.setAccessible(true);
		AuditTrail trail = constructor.newInstance(JdbcClient.create(dataSource));
		AuditCursor halfway = walkTo(trail, tenant, count / 2 * 9 / 10);
		String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
		Map<String, Supplier<AuditPage>> cases = new LinkedHashMap<>();
		cases.put("first page", () -> trail.page(tenant, AuditFilter.NONE, null, 50));
		cases.put("action=sign_in_failed", () -> trail.page(tenant, filter("sign_in_failed", null, null), null, 50));
		cases.put("action=password_changed (rare)",
				() -> trail.page(tenant, filter("password_changed", null, null), null, 50));
		cases.put("actor=user1@bench.test", () -> trail.page(tenant, filter(null, "user1@bench.test", null), null, 50));
		cases.put("actor=key_0004", () -> trail.page(tenant, filter(null, "key_0004", null), null, 50));
		cases.put("from=to=today", () -> trail.page(tenant, filter(null, null, today), null, 50));
		cases.put("page by cursor, halfway", () -> trail.page(tenant, AuditFilter.NONE, halfway, 50));
		System.out.printf("%-34s %10s %10s%n", "query (50 rows)", "p50 ms", "p99 ms");
		for (Map.Entry<String, Supplier<AuditPage>> entry : cases.entrySet()) {
			for (int i = 0; i < 20; i++) {
				entry.getValue().get();
			}
			long[] nanos = new long[runs];
			for (int i = 0; i < runs; i++) {
				long started = System.nanoTime();
				AuditPage page = entry.getValue().get();
				nanos[i] = System.nanoTime() - started;
				if (page.events().isEmpty()) {
					throw new IllegalStateException(entry.getKey() + " found nothing");
				}
			}
			Arrays.sort(nanos);
			System.out.printf("%-34s %10.2f %10.2f%n", entry.getKey(), nanos[runs / 2] / 1e6,
					nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6);
		}
	}

	private static AuditFilter filter(String action, String actor, String day) {
		return AuditFilter.parse(action, actor, day, day);
	}

	/** The cursor after {@code events} events, found by walking pages of 200 (as a client would). */
	private static AuditCursor walkTo(AuditTrail trail, TenantId tenant, int events) {
		AuditCursor cursor = null;
		for (int walked = 0; walked < events; walked += 200) {
			AuditPage page = trail.page(tenant, AuditFilter.NONE, cursor, 200);
			cursor = page.next();
		}
		return cursor;
	}

}
