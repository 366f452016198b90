import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a throw-away PostgreSQL server from the io.zonky binaries (a test dependency, so no Docker and no system
 * PostgreSQL needed) on 127.0.0.1, prints its JDBC URL and keeps it up until this process is stopped or a time
 * limit passes. Run from the test class path: java -cp "$(cat target/bench-classpath.txt)" EmbeddedPostgresServer.java
 * PORT DATA_DIR MAX_MINUTES
 */
public class EmbeddedPostgresServer {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		Path dataDirectory = Path.of(args[1]);
		Duration limit = Duration.ofMinutes(Long.parseLong(args[2]));
		Files.createDirectories(dataDirectory);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setPort(port)
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(true)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "100")
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				postgres.close();
			}
			catch (Exception ex) {
				// going away anyway
			}
		}));
		System.out.println("READY " + postgres.getJdbcUrl("postgres", "postgres"));
		Thread.sleep(limit.toMillis());
		System.exit(0);
	}

}
