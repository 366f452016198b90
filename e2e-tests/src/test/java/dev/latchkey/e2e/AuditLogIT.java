package dev.latchkey.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import dev.latchkey.e2e.pages.AuditLogPage;
import dev.latchkey.e2e.pages.LoginPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wrong password, then the right one: the admin finds the failed sign-in in Settings → Audit log, filters for
 * it and exports it as CSV with the browser's own session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:e2e-audit;DB_CLOSE_DELAY=-1",
				"latchkey.bootstrap.tenant=Audit Anchors", "latchkey.bootstrap.admin-email=" + AuditLogIT.ADMIN,
				"latchkey.bootstrap.admin-name=Aude Auditor", "latchkey.bootstrap.admin-password=" + AuditLogIT.PASSWORD })
class AuditLogIT {

	static final String ADMIN = "aude@audit.e2e.test";

	static final String PASSWORD = "correct horse battery staple";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Test
	void theAuditLogShowsAFailedSignInAndExportsIt() throws Exception {
		WebDriver driver = browser.driver();
		String baseUrl = "http://127.0.0.1:" + this.port;
		LoginPage login = LoginPage.open(driver, baseUrl).signInExpectingFailure(ADMIN, "not the password at all");
		assertThat(login.error()).isNotBlank();
		login.signIn(ADMIN, PASSWORD);

		AuditLogPage log = AuditLogPage.fromSidebar(driver);
		List<AuditLogPage.Event> events = log.events();
		assertThat(events).extracting(AuditLogPage.Event::action).startsWith("sign_in_succeeded", "sign_in_failed");
		AuditLogPage.Event failed = events.get(1);
		assertThat(failed.actor()).isEqualTo(ADMIN);
		assertThat(failed.ip()).isEqualTo("127.0.0.1");

		AuditLogPage filtered = log.filterByAction("sign_in_failed");
		assertThat(filtered.events()).extracting(AuditLogPage.Event::action).containsExactly("sign_in_failed");
		String export = filtered.exportUrl();
		assertThat(export).contains("action=sign_in_failed");

		HttpResponse<String> csv = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(export)).header("Cookie", cookies(driver)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("attachment"));
		List<String> lines = csv.body().lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).contains("sign_in_failed").contains(ADMIN).contains("127.0.0.1")
			.doesNotContain("not the password at all");
	}

	private static String cookies(WebDriver driver) {
		return driver.manage().getCookies().stream().map((Cookie c) -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
	}

}
