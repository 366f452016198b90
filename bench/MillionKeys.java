import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Adds COUNT keys to the first tenant straight into the database (set-based SQL, 100,000 rows a statement), not
 * through the API: named "bulk N", created one second apart going back from now, active, owned by the tenant's
 * first user, with a token hash that is the SHA-256 of "bulk-N" (no token to present: these keys are for the list
 * and search timings). Run with the application stopped on H2 (the file is locked while it runs).
 *
 * <p>
 * java -cp CLASSPATH bench/MillionKeys.java JDBC_URL USER PASSWORD COUNT
 */
public class MillionKeys {

	private static final int CHUNK = 100_000;

	public static void main(String[] args) throws Exception {
		String url = args[0];
		int count = Integer.parseInt(args[3]);
		boolean postgres = url.startsWith("jdbc:postgresql:");
		String insert = postgres
				? "insert into api_keys (public_id, tenant_id, environment, name, token_prefix, token_hash, created_at, "
						+ "created_by, active) select gen_random_uuid()::text, ?, 'development', 'bulk ' || x, "
						+ "'key_' || substr(h, 1, 4), h, now() - make_interval(secs => x), ?, true "
						+ "from (select x, encode(sha256(('bulk-' || x)::bytea), 'hex') as h "
						+ "from generate_series(?::bigint, ?::bigint) as x) s"
				: "insert into api_keys (public_id, tenant_id, environment, name, token_prefix, token_hash, created_at, "
						+ "created_by, active) select cast(random_uuid() as varchar), ?, 'development', 'bulk ' || x, "
						+ "'key_' || substring(h, 1, 4), h, dateadd(second, -x, current_timestamp), ?, true "
						+ "from (select x, lower(rawtohex(hash('SHA-256', cast('bulk-' || x as varbinary)))) as h "
						+ "from system_range(?, ?)) s";
		try (Connection connection = DriverManager.getConnection(url, args[1], args[2])) {
			long tenant;
			long user;
			try (ResultSet rows = connection.createStatement()
				.executeQuery("select tenant_id, id from users order by id fetch first 1 rows only")) {
				rows.next();
				tenant = rows.getLong(1);
				user = rows.getLong(2);
			}
			long started = System.nanoTime();
			try (PreparedStatement statement = connection.prepareStatement(insert)) {
				for (int from = 1; from <= count; from += CHUNK) {
					statement.setLong(1, tenant);
					statement.setLong(2, user);
					statement.setLong(3, from);
					statement.setLong(4, Math.min(count, from + CHUNK - 1));
					statement.executeUpdate();
					System.err.printf("[million] %d keys after %.0f s%n", Math.min(count, from + CHUNK - 1),
							(System.nanoTime() - started) / 1e9);
				}
			}
			if (postgres) {
				connection.createStatement().execute("analyze api_keys");
			}
			else {
				connection.createStatement().execute("analyze");
			}
		}
	}

}
