package dev.latchkey.apikey.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.latchkey.account.User;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.ApiClient;
import dev.latchkey.support.ApiClient.Response;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.tenant.Tenant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated create bodies, headers and dashboard form fields (jqwik arbitraries, a bounded number of tries):
 * whatever arrives, the answer is never a 500, a 4xx never leaves a stored key behind, and nothing under
 * {@code /api} answers HTML.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestAccounts.class)
class ApiInputFuzzTest {

	private static final String KEYS = "/api/credentials/keys";

	private static final int TRIES = 150;

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiKeyService keys;

	Tenant tenant;

	User user;

	String token;

	@BeforeEach
	void setUp() {
		this.tenant = this.accounts.tenant("Fuzz " + UUID.randomUUID(), false);
		this.user = this.accounts.admin(this.tenant, "fuzz-" + UUID.randomUUID() + "@acme.test", "Fuzz",
				"correct horse battery");
		this.token = this.keys.create(Actor.user(this.tenant.id(), this.user.id(), "127.0.0.1"),
				new NewApiKey("fuzz caller", null, null))
			.token();
	}

	@Test
	void createBodiesAndHeadersNeverGiveA500OrAStrayKeyOrHtml() {
		String token = this.token;
		ApiClient api = new ApiClient(this.port);
		List<Call> calls = call().sampleStream().limit(TRIES).toList();
		for (Call call : calls) {
			long before = storedKeys();
			Response response = api.raw("POST", KEYS, "x-api-key: " + (call.spoilKey() ? token + "x" : token) + "\r\n"
					+ "Content-Type: " + call.contentType() + "\r\nAccept: " + call.accept() + "\r\n", call.body());
			String described = call + " -> " + response.status() + " " + response.body();
			assertThat(response.status()).as(described).isLessThan(500);
			assertThat(response.header("Content-Type")).as(described).doesNotContain("html");
			if (response.status() >= 400) {
				assertThat(response.header("Content-Type")).as(described).startsWith("application/problem+json");
				assertThat(storedKeys()).as(described).isEqualTo(before);
			}
			else {
				assertThat(response.status()).as(described).isEqualTo(201);
				assertThat(storedKeys()).as(described).isEqualTo(before + 1);
			}
		}
	}

	@Test
	void dashboardFormFieldsNeverGiveA500OrAStrayKey() {
		DashboardClient browser = new DashboardClient(this.port);
		browser.signIn(this.user.email(), "correct horse battery");
		browser.get("/settings/api-credentials");
		Arbitrary<Map<String, String>> forms = Combinators
			.combine(text(), Arbitraries.of("never", "7", "30", "custom", "", "1y", "-1", "%00"), text(),
					Arbitraries.of("development", "production", "", "PRODUCTION", "staging"))
			.as((name, expiration, date, environment) -> Map.of("name", name, "expiration", expiration, "customDate",
					date, "environment", environment));
		for (Map<String, String> form : forms.sampleStream().limit(TRIES / 3).toList()) {
			long before = storedKeys();
			DashboardClient.Response response = browser.post("/settings/api-credentials", form);
			assertThat(response.status()).as(form + " -> " + response.status()).isLessThan(500).isNotEqualTo(403);
			if (response.status() >= 400) {
				assertThat(storedKeys()).as(form.toString()).isEqualTo(before);
			}
		}
		DashboardClient.Response valid = browser.post("/settings/api-credentials",
				Map.of("name", "plain", "expiration", "never", "customDate", "", "environment", "development"));
		assertThat(valid.status()).as("the form itself works").isEqualTo(200);
	}

	private long storedKeys() {
		return this.jdbc.sql("select count(*) from api_keys where tenant_id = ?")
			.param(this.tenant.id().value())
			.query(Long.class)
			.single();
	}

	record Call(String body, String contentType, String accept, boolean spoilKey) {
	}

	private static Arbitrary<Call> call() {
		return Combinators.combine(body(), contentType(), accept(), Arbitraries.of(false, false, false, true))
			.as(Call::new);
	}

	private static Arbitrary<String> body() {
		Arbitrary<String> value = Arbitraries.oneOf(text().map(ApiInputFuzzTest::quoted),
				Arbitraries.integers().map(String::valueOf), Arbitraries.of("true", "false", "null", "[]", "{}",
						"1e999", "-0", "\"\"", "[\"x\"]", "{\"a\":{\"b\":[1,2,{}]}}"));
		Arbitrary<String> expires = Arbitraries.oneOf(
				Arbitraries.of("2030-01-01T00:00:00Z", "+292278995-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
						"2031-02-30T00:00:00Z", "now", "", "2030-01-01", "2030-01-01T00:00:00+25:00")
					.map(ApiInputFuzzTest::quoted),
				value);
		Arbitrary<String> property = Arbitraries.of("name", "expires_at", "environment", "scopes", "Name", "", "__proto__");
		Arbitrary<String> object = Combinators.combine(value, expires, Arbitraries.of("development", "production", "x"),
				property, value, Arbitraries.integers().between(0, 5))
			.as((name, expiresAt, environment, extraName, extra, shape) -> switch (shape) {
				case 0 -> "{\"name\":" + name + "}";
				case 1 -> "{\"name\":" + name + ",\"expires_at\":" + expiresAt + "}";
				case 2 -> "{\"name\":" + name + ",\"environment\":\"" + environment + "\"}";
				case 3 -> "{\"name\":" + name + ",\"" + extraName + "\":" + extra + "}";
				case 4 -> "{\"name\":" + name + ",\"name\":" + name + "}";
				default -> "{\"name\":" + name + ",\"expires_at\":" + expiresAt + ",\"environment\":\"" + environment
						+ "\"}";
			});
		Arbitrary<String> broken = object.map((json) -> json.substring(0, json.length() / 2));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, object), net.jqwik.api.Tuple.of(1, broken),
				net.jqwik.api.Tuple.of(1, text()), net.jqwik.api.Tuple.of(1, value));
	}

	private static Arbitrary<String> text() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
				Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(20),
				Arbitraries.strings().withChars('\u202e', '\u200b', '\u2066', 'e', '\u0301', ' ', '\t', '\ufeff').ofMaxLength(10),
				Arbitraries.strings().alpha().ofMinLength(120).ofMaxLength(140),
				Arbitraries.of("CI pipeline", "  padded  ", "🔑 key", "<script>alert(1)</script>", "' or 1=1 --"));
	}

	private static Arbitrary<String> contentType() {
		return Arbitraries.of("application/json", "application/json", "application/json; charset=utf-8",
				"application/json; charset=latin1", "text/plain", "application/x-www-form-urlencoded", "application/xml",
				"application/json; charset=nonsense", "*/*", "", "application/merge-patch+json");
	}

	private static Arbitrary<String> accept() {
		return Arbitraries.of("application/json", "*/*", "text/html", "application/xml", "application/problem+json",
				"text/html;q=0.9, */*;q=0.1", "garbage/", "");
	}

	private static String quoted(String text) {
		StringBuilder json = new StringBuilder("\"");
		text.codePoints().forEach((c) -> {
			if (c == '"' || c == '\\' || c < 0x20) {
				json.append(String.format("\\u%04x", c));
			}
			else {
				json.appendCodePoint(c);
			}
		});
		return json.append('"').toString();
	}

}
