package dev.latchkey.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.support.ApiClient;
import org.yaml.snakeyaml.Yaml;

/**
 * The application in a JVM of its own, started as a user starts it and killed as the operating system kills it
 * ({@code kill -9}), for what only a separate process can show.
 */
final class AppProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private final Process process;

	private final int port;

	private final Path log;

	private AppProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts the application in {@code workingDirectory} with these extra arguments and waits until it answers. */
	static AppProcess start(Path workingDirectory, String... arguments) {
		try {
			int port = freePort();
			List<String> command = new ArrayList<>(List.of(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
					"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
					LatchkeyApplication.class.getName(), "--server.port=" + port, "--server.address=127.0.0.1"));
			command.addAll(List.of(arguments));
			Path log = Files.createTempFile(workingDirectory, "app-", ".log");
			Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			AppProcess app = new AppProcess(process, port, log);
			app.awaitReady();
			return app;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The embedded default's URL, as the application's own application.yml sets it (tests override it). */
	static String defaultDatasourceUrl() {
		try (InputStream yaml = LatchkeyApplication.class.getResourceAsStream("/application.yml")) {
			Map<String, Map<String, Map<String, Object>>> settings = new Yaml().load(yaml);
			return (String) settings.get("spring").get("datasource").get("url");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.port;
	}

	ApiClient api() {
		return new ApiClient(this.port);
	}

	/** SIGKILL: no shutdown hook, no flush, nothing. */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		kill();
	}

	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private void awaitReady() {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		ApiClient api = new ApiClient(this.port);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The application exited while starting:\n" + log());
			}
			try {
				if (api.get("/api/hello_world", null).status() == 200) {
					return;
				}
			}
			catch (RuntimeException notYet) {
				// not listening yet
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		kill();
		throw new IllegalStateException("The application did not start within " + START_TIMEOUT + ":\n" + log());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
