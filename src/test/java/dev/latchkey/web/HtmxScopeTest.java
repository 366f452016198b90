package dev.latchkey.web;

import java.util.Map;

import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.DashboardClient.Response;
import dev.latchkey.support.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * htmx's interceptor answers the dashboard's htmx requests and leaves the JSON API alone ({@link ApiDispatcherServlet}).
 * (The {@code HtmxResponse} headers of the dashboard's actions are in their own web tests.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestAccounts.class)
class HtmxScopeTest {

	static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	@LocalServerPort
	int port;

	@Test
	void aPageAnsweredToAnHtmxRequestVariesByIt() {
		Response response = new DashboardClient(this.port).get("/login", HTMX);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Vary")).contains("HX-Request");
	}

	@Test
	void anApiAnswerDoesNotGoThroughHtmx() {
		Response response = new DashboardClient(this.port).get("/api/hello_world", HTMX);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Vary")).as("Vary").satisfiesAnyOf((vary) -> assertThat(vary).isNull(),
				(vary) -> assertThat(vary).doesNotContain("HX-Request"));
	}

}
