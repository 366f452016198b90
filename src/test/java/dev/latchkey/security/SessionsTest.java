package dev.latchkey.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.latchkey.account.User;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.DashboardClient.Response;
import dev.latchkey.support.MutableClock;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dashboard sessions: none for anonymous visitors, a {@code __Host-} cookie over HTTPS (here: behind a trusted
 * proxy that says so), a plain one over http://localhost, an idle timeout and an absolute lifetime.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "latchkey.trusted-proxies=127.0.0.1/32")
@Import({ TestClockConfiguration.class, TestAccounts.class })
class SessionsTest {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	User ada;

	@BeforeEach
	void setUp() {
		Tenant tenant = this.accounts.tenant("Sessions " + UUID.randomUUID(), false);
		this.ada = this.accounts.admin(tenant, "ada-" + UUID.randomUUID() + "@example.com", "Ada", PASSWORD);
	}

	@AfterEach
	void resetClock() {
		this.clock.set(Instant.now());
	}

	@Test
	void aThousandAnonymousVisitsToTheSignInPageStoreNoSession() throws Exception {
		long before = sessions();
		HttpClient http = HttpClient.newHttpClient();
		for (int i = 0; i < 1000; i++) {
			HttpResponse<String> page = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.contains("SESSION="));
		}
		assertThat(sessions()).isEqualTo(before);
	}

	@Test
	void overPlainHttpTheCookieIsSessionHttpOnlyAndLax() {
		DashboardClient browser = new DashboardClient(this.port);
		browser.get("/login");
		Response signedIn = browser.post("/login", Map.of("username", this.ada.email(), "password", PASSWORD));

		String cookie = sessionCookie(signedIn);
		assertThat(cookie).startsWith("SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
			.doesNotContain("Secure");
		assertThat(browser.get("/settings/api-credentials").status()).isEqualTo(200);
	}

	@Test
	void overHttpsTheCookieIsHostPrefixedSecureForTheWholeSiteAndNoDomain() {
		DashboardClient browser = new DashboardClient(this.port);
		Map<String, String> https = Map.of("X-Forwarded-Proto", "https");
		Response form = browser.get("/login", https);
		String csrfCookie = form.headers().get("set-cookie").stream()
			.filter((c) -> c.startsWith("__Host-latchkey-csrf="))
			.findFirst()
			.orElseThrow();
		assertThat(csrfCookie).contains("Secure").contains("Path=/;").doesNotContainIgnoringCase("Domain=");

		Response signedIn = browser.postWithHeaders("/login", Map.of("username", this.ada.email(), "password", PASSWORD),
				Map.of("X-Forwarded-Proto", "https", "Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';'))));

		assertThat(signedIn.location()).endsWith("/settings/api-credentials");
		String cookie = sessionCookie(signedIn);
		assertThat(cookie).startsWith("__Host-SESSION=")
			.contains("Secure")
			.contains("HttpOnly")
			.containsIgnoringCase("SameSite=Lax")
			.containsPattern("Path=/(;|$)")
			.doesNotContainIgnoringCase("Domain=");
	}

	@Test
	void aSessionEndsAfter30IdleMinutes() {
		DashboardClient browser = new DashboardClient(this.port);
		browser.signIn(this.ada.email(), PASSWORD);
		assertThat(this.jdbc.sql("select max_inactive_interval from spring_session where principal_name = ?")
			.param(this.ada.email())
			.query(Integer.class)
			.single()).isEqualTo(30 * 60);
	}

	private static String sessionCookie(Response response) {
		List<String> cookies = response.headers().getOrDefault("set-cookie", List.of());
		return cookies.stream().filter((c) -> c.contains("SESSION=")).findFirst().orElseThrow();
	}

	private long sessions() {
		return this.jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

	private long sessionsOf(User user) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(user.email())
			.query(Long.class)
			.single();
	}

}
