package dev.latchkey.account.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.support.MutableClock;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.account.User;
import dev.latchkey.support.TestSmtpServer;
import dev.latchkey.support.TestSmtpServer.Received;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.DashboardClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Forgot password?" end to end over HTTP, with the emails sent over real SMTP to GreenMail; run on H2 and on
 * PostgreSQL by the subclasses. Each test starts two hours after the previous one on the test clock, so the
 * hourly throttles (all requests come from 127.0.0.1) never carry over.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class PasswordResetTests {

	static final String BASE_URL = "https://latchkey.example.test";

	static final String OLD_PASSWORD = "the old password, long enough";

	static final String NEW_PASSWORD = "a brand new passphrase for the key console";

	static final String SENT = "If an account exists for that address, we've sent a link to reset the password.";

	private static final Pattern LINK = Pattern.compile(Pattern.quote(BASE_URL) + "/reset-password\\?token=([A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	Tenant tenant;

	User ada;

	@BeforeEach
	void setUp() {
		this.clock.advance(Duration.ofHours(2));
		this.tenant = this.accounts.tenant("Reset " + System.nanoTime(), false);
		this.ada = this.accounts.admin(this.tenant, unique("Ada"), "Ada", OLD_PASSWORD);
	}

	@Test
	void theEmailedLinkSetsANewPasswordOnce(CapturedOutput output) {
		DashboardClient browser = browser();
		Response answer = requestLink(browser, this.ada.email());
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/forgot-password?sent");
		assertThat(browser.get("/forgot-password?sent").body()).contains(SENT);

		Received email = TestSmtpServer.awaitEmails(this.ada.email(), 1).get(0);
		assertThat(email.subject()).isEqualTo("Reset your Latchkey password");
		String token = token(email.text());
		assertThat(token).hasSizeGreaterThanOrEqualTo(22);
		assertThat(email.html()).contains(BASE_URL + "/reset-password?token=" + token);

		Response opened = browser.get("/reset-password?token=" + token);
		assertThat(opened.status()).isEqualTo(302);
		assertThat(opened.location()).endsWith("/reset-password").doesNotContain(token);
		assertThat(opened.header("Referrer-Policy")).isEqualTo("no-referrer");
		Response form = browser.get("/reset-password");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(form.body()).contains("Choose a new password").doesNotContain(token);

		Response reset = browser.post("/reset-password", Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
		assertThat(reset.status()).isEqualTo(302);
		assertThat(reset.location()).endsWith("/login?reset").doesNotContain(token);
		assertThat(browser.get("/login?reset").body()).contains("Your\n\t\t\tpassword has been changed");
		assertThat(browser.get("/settings/api-credentials").location()).as("not signed in automatically")
			.endsWith("/login");

		assertThat(signIn(this.ada.email(), NEW_PASSWORD)).isTrue();
		assertThat(signIn(this.ada.email(), OLD_PASSWORD)).isFalse();

		Response reused = browser().get("/reset-password?token=" + token);
		assertThat(reused.status()).isEqualTo(410);
		assertThat(reused.body()).contains("This link no longer works").contains("href=\"/forgot-password\"");
		assertThat(output.getAll()).doesNotContain(token);
	}

	@Test
	void theNoticeEmailSaysThePasswordChangedAndHoldsNoSecret() {
		String token = token(emailedLink(this.ada.email()));
		resetWith(token, NEW_PASSWORD);

		List<Received> emails = TestSmtpServer.awaitEmails(this.ada.email(), 2);
		Received notice = emails.get(1);
		assertThat(notice.subject()).isEqualTo("Your Latchkey password was changed");
		assertThat(notice.text()).contains("was changed").contains(BASE_URL + "/forgot-password");
		assertThat(notice.text() + notice.html()).doesNotContain(token)
			.doesNotContain(NEW_PASSWORD)
			.doesNotContain("token=");
	}

	@Test
	void aResetIsAudited() {
		resetWith(token(emailedLink(this.ada.email())), NEW_PASSWORD);

		assertThat(this.jdbc
			.sql("select count(*) from audit_events where action = 'password_reset' and actor_user_id = ? "
					+ "and tenant_id = ? and api_key_id is null")
			.params(this.ada.id().value(), this.tenant.id().value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anExpiredLinkFails() {
		// Nanoseconds the databases cannot keep, the worst case for rounding at the boundary.
		this.clock.advance(Duration.ofNanos(999 - this.clock.instant().getNano() % 1000));
		String token = token(emailedLink(this.ada.email()));
		this.clock.advance(Duration.ofMinutes(30).minusNanos(1000));
		assertThat(browser().get("/reset-password?token=" + token).status()).as("a microsecond before").isEqualTo(302);
		this.clock.advance(Duration.ofNanos(1000));

		Response opened = browser().get("/reset-password?token=" + token);
		assertThat(opened.status()).isEqualTo(410);
		assertThat(opened.body()).contains("This link no longer works");
		assertThat(signIn(this.ada.email(), OLD_PASSWORD)).isTrue();
	}

	@Test
	void aLinkThatExpiresWhileTheFormIsOpenFails() {
		String token = token(emailedLink(this.ada.email()));
		this.clock.advance(Duration.ofMinutes(29));
		DashboardClient browser = browser();
		browser.get("/reset-password?token=" + token);
		assertThat(browser.get("/reset-password").status()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(2));

		Response submitted = browser.post("/reset-password",
				Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
		assertThat(submitted.status()).isEqualTo(410);
		assertThat(signIn(this.ada.email(), NEW_PASSWORD)).isFalse();
	}

	@Test
	void aNewerLinkVoidsTheOlderOne() {
		String first = token(emailedLink(this.ada.email()));
		requestLink(browser(), this.ada.email());
		String second = token(TestSmtpServer.awaitEmails(this.ada.email(), 2).get(1).text());

		assertThat(browser().get("/reset-password?token=" + first).status()).isEqualTo(410);
		assertThat(browser().get("/reset-password?token=" + second).status()).isEqualTo(302);
	}

	@Test
	void requestingALinkChangesNothingElse() {
		emailedLink(this.ada.email());

		assertThat(signIn(this.ada.email(), OLD_PASSWORD)).isTrue();
	}

	@Test
	void aLockedOutAccountMayStillResetAndThenSignIn() {
		for (int i = 0; i < 6; i++) {
			signIn(this.ada.email(), "a wrong guess " + i);
		}
		assertThat(signIn(this.ada.email(), OLD_PASSWORD)).as("locked out").isFalse();

		resetWith(token(emailedLink(this.ada.email())), NEW_PASSWORD);

		assertThat(signIn(this.ada.email(), NEW_PASSWORD)).isTrue();
	}

	@Test
	void anUnknownEmailGetsTheSameAnswerAndNoMail() {
		String nobody = unique("nobody");
		DashboardClient known = browser();
		DashboardClient unknown = browser();
		Response knownAnswer = requestLink(known, this.ada.email());
		Response unknownAnswer = requestLink(unknown, nobody);

		assertThat(unknownAnswer.status()).isEqualTo(knownAnswer.status());
		assertThat(unknownAnswer.location()).isEqualTo(knownAnswer.location());
		assertThat(withoutCsrf(unknown.get("/forgot-password?sent").body()))
			.isEqualTo(withoutCsrf(known.get("/forgot-password?sent").body()))
			.contains(SENT);
		TestSmtpServer.awaitEmails(this.ada.email(), 1);
		TestSmtpServer.sleep(300);
		assertThat(TestSmtpServer.to(nobody)).isEmpty();
	}

	@Test
	void aSpoofedHostHeaderDoesNotChangeTheLink() throws IOException {
		DashboardClient browser = browser();
		String page = browser.get("/forgot-password").body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		String body = "email=" + URLEncoder.encode(this.ada.email(), StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);

		String response = rawPost("/forgot-password", body, "Host: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
				+ "X-Forwarded-Proto: http\r\nCookie: " + browser.cookieHeader() + "\r\n");

		assertThat(response).startsWith("HTTP/1.1 302");
		String text = TestSmtpServer.awaitEmails(this.ada.email(), 1).get(0).text();
		assertThat(text).contains(BASE_URL + "/reset-password?token=").doesNotContain("evil.example");
	}

	@Test
	void sessionsSignedInBeforeTheResetAreEnded() {
		DashboardClient laptop = browser();
		DashboardClient phone = browser();
		assertThat(laptop.signIn(this.ada.email().toUpperCase(), OLD_PASSWORD).location())
			.endsWith("/settings/api-credentials");
		assertThat(phone.signIn(this.ada.email(), OLD_PASSWORD).location()).endsWith("/settings/api-credentials");
		assertThat(signedIn(laptop)).isTrue();
		assertThat(signedIn(phone)).isTrue();

		resetWith(token(emailedLink(this.ada.email())), NEW_PASSWORD);

		assertThat(signedIn(laptop)).isFalse();
		assertThat(signedIn(phone)).isFalse();
	}

	@Test
	void theThrottleStopsExtraEmailsToOneAccount() {
		for (int i = 1; i <= 3; i++) {
			requestLink(browser(), this.ada.email());
			TestSmtpServer.awaitEmails(this.ada.email(), i);
		}
		Response fourth = requestLink(browser(), this.ada.email());
		assertThat(fourth.location()).endsWith("/forgot-password?sent");
		TestSmtpServer.sleep(300);
		assertThat(TestSmtpServer.to(this.ada.email())).hasSize(3);

		this.clock.advance(Duration.ofMinutes(61));
		requestLink(browser(), this.ada.email());
		TestSmtpServer.awaitEmails(this.ada.email(), 4);
	}

	@Test
	void theThrottleStopsExtraEmailsFromOneClient() {
		for (int i = 0; i < 10; i++) {
			requestLink(browser(), unique("nobody"));
		}
		Response eleventh = requestLink(browser(), this.ada.email());
		assertThat(eleventh.location()).endsWith("/forgot-password?sent");
		TestSmtpServer.sleep(300);
		assertThat(TestSmtpServer.to(this.ada.email())).isEmpty();
	}

	@Test
	void eachBrokenRuleIsShownNextToItsFieldAndTheLinkStaysUsable() {
		DashboardClient browser = browser();
		browser.get("/reset-password?token=" + token(emailedLink(this.ada.email())));
		browser.get("/reset-password");

		assertRefused(browser, "too short", "too short", "password", "Use at least 15 characters (this has 9).");
		String tooLong = "long words ".repeat(12);
		assertRefused(browser, tooLong, tooLong, "password", "Use at most 128 characters (this has 132).");
		assertRefused(browser, "passwordpassword", "passwordpassword", "password",
				"This password is too common: it appears in lists of breached passwords.");
		assertRefused(browser, this.ada.email().toLowerCase(), this.ada.email().toLowerCase(), "password",
				"Do not use your email address as your password.");
		assertRefused(browser, NEW_PASSWORD, NEW_PASSWORD + "!", "confirmation", "The two passwords do not match.");
		Response refused = browser.post("/reset-password", Map.of("password", "short", "confirmation", "other"));
		assertThat(refused.body()).doesNotContain("value=\"short\"").doesNotContain("value=\"other\"");

		assertThat(browser.post("/reset-password", Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD))
			.location()).endsWith("/login?reset");
		assertThat(signIn(this.ada.email(), NEW_PASSWORD)).isTrue();
	}

	@Test
	void aSixtyFourEmojiPassphraseCanBeSetAndUsedWhole() {
		String emoji = "🦊🐙🌵🚲🎻🧭🍋🪁".repeat(8);
		assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(64);
		assertThat(emoji.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(72);

		resetWith(token(emailedLink(this.ada.email())), emoji);

		assertThat(signIn(this.ada.email(), emoji)).isTrue();
		String sameFirst72Bytes = emoji.substring(0, emoji.length() - 2) + "🐢";
		assertThat(signIn(this.ada.email(), sameFirst72Bytes)).as("the whole passphrase counts, not 72 bytes")
			.isFalse();
		assertThat(this.jdbc.sql("select password_hash from users where id = ?")
			.param(this.ada.id().value())
			.query(String.class)
			.single()).startsWith("{argon2}$argon2id$");
	}

	@Test
	void theFormsNeedTheCsrfToken() {
		DashboardClient browser = browser();
		browser.get("/forgot-password");
		assertThat(browser.postWithoutCsrf("/forgot-password", Map.of("email", this.ada.email()), Map.of()).status())
			.isEqualTo(403);

		browser.get("/reset-password?token=" + token(emailedLink(this.ada.email())));
		assertThat(browser.postWithoutCsrf("/reset-password",
				Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD), Map.of())
			.status()).isEqualTo(403);
		assertThat(signIn(this.ada.email(), OLD_PASSWORD)).isTrue();
	}

	@Test
	void anUnknownOrMalformedTokenShowsTheInvalidLinkPage() {
		for (String token : List.of("x", "A".repeat(43), "<script>")) {
			Response opened = browser().get("/reset-password?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
			assertThat(opened.status()).isEqualTo(410);
			assertThat(opened.header("Referrer-Policy")).isEqualTo("no-referrer");
			assertThat(opened.body()).contains("Request a new link");
		}
		assertThat(browser().get("/reset-password").status()).isEqualTo(410);
	}

	private void assertRefused(DashboardClient browser, String password, String confirmation, String field,
			String message) {
		Response refused = browser.post("/reset-password", Map.of("password", password, "confirmation", confirmation));
		assertThat(refused.status()).isEqualTo(422);
		String errors = between(refused.body(), "data-testid=\"" + field + "-errors\"", "</div>");
		assertThat(errors).contains(message);
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		assertThat(from).as("%s in the page", start).isNotNegative();
		return text.substring(from, text.indexOf(end, from));
	}

	DashboardClient browser() {
		return new DashboardClient(this.port);
	}

	Response requestLink(DashboardClient browser, String email) {
		browser.get("/forgot-password");
		return browser.post("/forgot-password", Map.of("email", email));
	}

	/** @return the text of the reset email sent in answer to a new request */
	String emailedLink(String email) {
		int before = TestSmtpServer.to(email).size();
		requestLink(browser(), email);
		return TestSmtpServer.awaitEmails(email, before + 1).get(before).text();
	}

	void resetWith(String token, String password) {
		DashboardClient browser = browser();
		browser.get("/reset-password?token=" + token);
		browser.get("/reset-password");
		Response reset = browser.post("/reset-password", Map.of("password", password, "confirmation", password));
		assertThat(reset.location()).endsWith("/login?reset");
	}

	boolean signIn(String email, String password) {
		return browser().signIn(email, password).location().endsWith("/settings/api-credentials");
	}

	static boolean signedIn(DashboardClient browser) {
		String location = browser.get("/settings/api-credentials").location();
		return location == null || !location.matches(".*/login(\\?expired)?");
	}

	static String token(String emailText) {
		Matcher link = LINK.matcher(emailText);
		assertThat(link.find()).as("a reset link in %s", emailText).isTrue();
		return link.group(1);
	}

	static String withoutCsrf(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
	}

	static String unique(String name) {
		return name + "-" + System.nanoTime() + "@example.com";
	}

	private String rawPost(String path, String body, String headers) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			byte[] content = body.getBytes(StandardCharsets.UTF_8);
			out.write(("POST " + path + " HTTP/1.1\r\n" + headers
					+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + content.length
					+ "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(received);
			return received.toString(StandardCharsets.ISO_8859_1);
		}
	}

}
