package dev.latchkey.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database's files hold session ids and password hashes: its directory is made readable by its
 * owner only (0700, files 0600) before H2 opens it, so no other local user can read them. Also says, once at
 * start, which database is used.
 */
final class DatabaseFiles {

	private static final Logger log = LoggerFactory.getLogger(DatabaseFiles.class);

	static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private DatabaseFiles() {
	}

	/** The directory of an H2 file database's URL ({@code jdbc:h2:file:./data/latchkey;…}), if it is one. */
	static Optional<Path> h2Directory(String url) {
		if (url == null || !url.startsWith("jdbc:h2:")) {
			return Optional.empty();
		}
		String rest = url.substring("jdbc:h2:".length());
		int options = rest.indexOf(';');
		rest = (options >= 0) ? rest.substring(0, options) : rest;
		if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:")) {
			return Optional.empty();
		}
		rest = rest.startsWith("file:") ? rest.substring("file:".length()) : rest;
		if (rest.startsWith("~")) {
			rest = System.getProperty("user.home") + rest.substring(1);
		}
		Path database = Path.of(rest).toAbsolutePath().normalize();
		return Optional.ofNullable(database.getParent());
	}

	/** Before H2 opens the database: the directory exists and is 0700, every file in it 0600. */
	static void protect(Path directory) {
		try {
			if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.createDirectories(directory);
				log.warn("Cannot restrict {} to its owner on this file system: protect it yourself", directory);
				return;
			}
			if (!Files.isDirectory(directory)) {
				Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
			}
			Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
			restrictFiles(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the database directory " + directory, ex);
		}
	}

	/** Files H2 created since (the database, its trace and temporary files) become 0600 too. */
	static void restrictFiles(Path directory) throws IOException {
		if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix") || !Files.isDirectory(directory)) {
			return;
		}
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
			}
		}
	}

	/**
	 * An H2 URL with {@code QUERY_CACHE_SIZE=0} unless it sets one. H2 keeps each connection's last 8 statements
	 * parsed, and a parsed statement with subqueries in its {@code from} (the key list's) holds a parse of each
	 * subquery for every index its planner tried: with a million keys, about 70 MB of the heap for ten connections,
	 * which drove the 160 MB heap of the production launch into a full collection every few hundred milliseconds
	 * (page p99 180-220 ms; 25 ms without the cache). Parsing again costs well under a millisecond, and a cached key
	 * check does not touch the database at all.
	 */
	static String withoutH2QueryCache(String url) {
		if (url == null || !url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains(";QUERY_CACHE_SIZE=")) {
			return url;
		}
		return url + ";QUERY_CACHE_SIZE=0";
	}

	/** The URL without its query or options, which may carry a password. */
	static String describe(String url) {
		if (url == null) {
			return "(no URL)";
		}
		int cut = url.length();
		for (char c : new char[] { '?', ';' }) {
			int at = url.indexOf(c);
			cut = (at >= 0) ? Math.min(cut, at) : cut;
		}
		return url.substring(0, cut);
	}

}
