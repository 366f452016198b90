package dev.latchkey.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.latchkey.LatchkeyApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database's directory and files are readable by their owner only. */
class DatabaseFilesTest {

	@TempDir
	Path temp;

	@Test
	void theH2DirectoryIs0700AndItsFiles0600() throws Exception {
		Path data = this.temp.resolve("data");
		String url = "jdbc:h2:file:" + data.resolve("latchkey").toAbsolutePath();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LatchkeyApplication.class).run(
				"--server.port=0", "--server.address=127.0.0.1", "--spring.datasource.url=" + url)) {
			assertThat(Files.getPosixFilePermissions(data)).isEqualTo(DatabaseFiles.OWNER_ONLY_DIRECTORY);
			List<Path> files;
			try (Stream<Path> listing = Files.list(data)) {
				files = listing.filter(Files::isRegularFile).toList();
			}
			assertThat(files).isNotEmpty();
			for (Path file : files) {
				assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
					.isEqualTo(DatabaseFiles.OWNER_ONLY_FILE);
			}
		}
	}

	@Test
	void anExistingDirectoryIsRestrictedToo() throws Exception {
		Path data = Files.createDirectories(this.temp.resolve("old"));
		Path file = Files.writeString(data.resolve("latchkey.mv.db.old"), "x");
		DatabaseFiles.protect(data);
		assertThat(Files.getPosixFilePermissions(data)).isEqualTo(DatabaseFiles.OWNER_ONLY_DIRECTORY);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(DatabaseFiles.OWNER_ONLY_FILE);
	}

	@Test
	void h2KeepsNoParsedStatementsUnlessTheUrlSaysSo() {
		assertThat(DatabaseFiles.withoutH2QueryCache("jdbc:h2:file:./data/latchkey;AUTO_SERVER=FALSE;WRITE_DELAY=0"))
			.isEqualTo("jdbc:h2:file:./data/latchkey;AUTO_SERVER=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=0");
		assertThat(DatabaseFiles.withoutH2QueryCache("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test;QUERY_CACHE_SIZE=0");
		// an operator's own choice stands, and other databases are left alone
		assertThat(DatabaseFiles.withoutH2QueryCache("jdbc:h2:file:./x;query_cache_size=16"))
			.isEqualTo("jdbc:h2:file:./x;query_cache_size=16");
		assertThat(DatabaseFiles.withoutH2QueryCache("jdbc:postgresql://db/latchkey"))
			.isEqualTo("jdbc:postgresql://db/latchkey");
	}

	@Test
	void onlyFileUrlsHaveADirectory() {
		assertThat(DatabaseFiles.h2Directory("jdbc:h2:file:./data/latchkey;AUTO_SERVER=FALSE"))
			.contains(Path.of("data").toAbsolutePath());
		assertThat(DatabaseFiles.h2Directory("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEmpty();
		assertThat(DatabaseFiles.h2Directory("jdbc:postgresql://db/latchkey")).isEmpty();
		assertThat(DatabaseFiles.describe("jdbc:postgresql://db/latchkey?password=secret"))
			.isEqualTo("jdbc:postgresql://db/latchkey");
	}

}
