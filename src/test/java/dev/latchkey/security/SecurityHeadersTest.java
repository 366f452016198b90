package dev.latchkey.security;

import java.util.Map;

import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.DashboardClient.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The response headers of pages, assets and the API; HSTS only where the request came over HTTPS. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "latchkey.trusted-proxies=127.0.0.1/32")
class SecurityHeadersTest {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/login", "/api/hello_world", "/settings/api-credentials" })
	void everyAnswerCarriesTheIsolationHeaders(String path) {
		Response response = new DashboardClient(this.port).get(path);
		assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'self'; frame-ancestors 'none'");
		assertThat(response.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
		assertThat(response.header("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
		assertThat(response.header("Permissions-Policy")).contains("camera=()", "geolocation=()", "microphone=()",
				"clipboard-write=(self)");
		assertThat(response.header("Strict-Transport-Security")).as("not over plain HTTP").isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/login", "/api/hello_world" })
	void overHttpsStrictTransportSecurityIsSent(String path) {
		Response response = new DashboardClient(this.port).get(path, Map.of("X-Forwarded-Proto", "https"));
		assertThat(response.header("Strict-Transport-Security")).startsWith("max-age=31536000");
	}

}
