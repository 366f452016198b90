package dev.latchkey.apikey;

import dev.latchkey.shared.Actor;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps its data in a file: keys created before a restart still work after it. */
class RestartTest {

	@TempDir
	Path data;

	@Test
	void keysSurviveARestartOnTheH2FileDatabase() {
		String url = "jdbc:h2:file:" + this.data.resolve("latchkey").toAbsolutePath();
		String token;
		String deactivatedToken;
		try (ConfigurableApplicationContext first = ApplicationInstances.start(url, "sa", "")) {
			token = ApplicationInstances.tenantWithKey(first).token();
			CreatedApiKey deactivated = ApplicationInstances.tenantWithKey(first);
			deactivatedToken = deactivated.token();
			first.getBean(ApiKeyService.class)
				.deactivate(new dev.latchkey.shared.Actor(deactivated.key().tenantId(), deactivated.key().createdBy().id(),
						null, "127.0.0.1"), deactivated.key().publicId());
			assertThat(ApplicationInstances.api(first).get("/api/hello_world/authenticated", token).status())
				.isEqualTo(200);
		}
		try (ConfigurableApplicationContext second = ApplicationInstances.start(url, "sa", "")) {
			var api = ApplicationInstances.api(second);
			assertThat(api.get("/api/hello_world/authenticated", token).status()).isEqualTo(200);
			assertThat(api.get("/api/hello_world/authenticated", deactivatedToken).status()).isEqualTo(401);
		}
	}

}
