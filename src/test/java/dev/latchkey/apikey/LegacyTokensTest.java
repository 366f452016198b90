package dev.latchkey.apikey;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import dev.latchkey.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys made before tokens carried a checksum keep working: an instance started on a database holding one knows its
 * hash from the start, while junk with a wrong checksum stays a 401.
 */
class LegacyTokensTest {

	@TempDir
	Path data;

	@Test
	void aKeyWithoutChecksumMadeBeforeTheChangeStillAuthenticates() {
		String url = "jdbc:h2:file:" + this.data.resolve("latchkey").toAbsolutePath();
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		String legacy = "key_" + HexFormat.of().formatHex(bytes);
		if (ApiKeyToken.hasValidChecksum(legacy)) {
			legacy = legacy.substring(0, 51) + (legacy.charAt(51) == '0' ? '1' : '0');
		}
		try (ConfigurableApplicationContext before = ApplicationInstances.start(url, "sa", "")) {
			CreatedApiKey made = ApplicationInstances.tenantWithKey(before);
			// what the migration leaves of a key made before checksums: its hash, marked legacy
			before.getBean(JdbcClient.class)
				.sql("update api_keys set token_hash = ?, legacy_token = true where public_id = ?")
				.params(ApiKeyToken.hash(legacy), made.key().publicId())
				.update();
		}
		try (ConfigurableApplicationContext after = ApplicationInstances.start(url, "sa", "")) {
			ApiClient api = ApplicationInstances.api(after);
			assertThat(after.getBean(LegacyTokens.class).size()).isEqualTo(1);
			assertThat(api.get("/api/hello_world/authenticated", legacy).status()).isEqualTo(200);
			String junk = "key_" + "0123456789abcdef".repeat(3);
			assertThat(api.get("/api/hello_world/authenticated", junk).status()).isEqualTo(401);
		}
	}

}
