package dev.latchkey.apikey.api;

import java.time.Instant;
import java.util.UUID;

import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.ApiClient;
import dev.latchkey.support.ApiClient.Response;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile or careless client sends to the API gets a clean RFC 9457 answer: never HTML, never an empty
 * body, never a 500, and a strictly read JSON body whose mistakes are named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiBadInputTest {

	private static final String KEYS = "/api/credentials/keys";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Users users;

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	String token;

	Tenant tenant;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.tenant = this.tenants.create("Bad input " + UUID.randomUUID(), false, Instant.now());
		User user = this.users.create(this.tenant.id(), "bad-" + UUID.randomUUID() + "@acme.test", "Bad", "{noop}unused",
				Role.ADMIN, Instant.now());
		this.token = this.keys.create(Actor.user(user.tenantId(), user.id(), "127.0.0.1"), new NewApiKey("caller", null, null))
			.token();
	}

	@ParameterizedTest
	@ValueSource(strings = { "TRACE", "FOO", "PROPFIND", "CONNECT" })
	void unusualMethodsGetAProblemBody(String method) {
		Response response = this.api.raw(method, KEYS, "x-api-key: " + this.token + "\r\n", null);
		assertProblem(response);
		assertThat(response.status()).isIn(400, 405, 501);
	}

	@Test
	void undecodableQueryGetsAProblemBody() {
		Response response = this.api.raw("GET", KEYS + "?q=%ff", "x-api-key: " + this.token + "\r\n", null);
		assertProblem(response);
		assertThat(response.status()).isIn(200, 400);
	}

	@Test
	void anEncodedSlashInThePathGetsAProblemBody() {
		Response response = this.api.raw("GET", KEYS + "/a%2Fb", "x-api-key: " + this.token + "\r\n", null);
		assertProblem(response);
		assertThat(response.status()).isEqualTo(400);
	}

	@ParameterizedTest
	@ValueSource(strings = { KEYS + "/a;b", KEYS + "/%2e%2e/x", KEYS + "/a%00b", KEYS + "//x", KEYS + "/a%5Cb" })
	void requestsTheFirewallRejectsGetAProblemBody(String path) {
		Response response = this.api.raw("GET", path, "x-api-key: " + this.token + "\r\n", null);
		assertProblem(response);
		assertThat(response.status()).isEqualTo(400);
	}

	@Test
	void aHeaderValueWithAControlCharacterIsRejectedByTheFirewall() {
		// U+0085 (NEL) is a C1 control; Tomcat passes the byte on and the request firewall (HeaderText) refuses it
		Response response = this.api.raw("GET", KEYS, "x-api-key: " + this.token + "\u0085\r\n", null);
		assertProblem(response);
		assertThat(response.status()).isEqualTo(400);
	}

	@Test
	void aBodyLargerThan64KiBIs413() {
		String body = "{\"name\": \"" + "a".repeat(64 * 1024) + "\"}";
		Response response = this.api.raw("POST", KEYS,
				"x-api-key: " + this.token + "\r\nContent-Type: application/json\r\n", body);
		assertProblem(response);
		assertThat(response.status()).isEqualTo(413);
		assertThat(storedKeys()).isEqualTo(1);
	}

	@Test
	void anUnsupportedContentTypeIs415() {
		Response response = this.api.post(KEYS, this.token, "text/plain", "name=x");
		assertProblem(response);
		assertThat(response.status()).isEqualTo(415);
	}

	@Test
	void anUnacceptableResponseTypeIs406() {
		Response response = this.api.raw("GET", KEYS, "x-api-key: " + this.token + "\r\nAccept: text/html\r\n", null);
		assertProblem(response);
		assertThat(response.status()).isEqualTo(406);
	}

	@Test
	void anAcceptHeaderThatDoesNotParseIs406() {
		Response response = this.api.raw("POST", KEYS, "x-api-key: " + this.token
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: garbage/\r\n", "{}");
		assertProblem(response);
		assertThat(response.status()).isEqualTo(406);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": 42}", "{\"name\": true}", "{\"name\": 4.2}", "{\"name\": [\"x\"]}",
			"{\"name\": {\"a\": 1}}" })
	void aNameThatIsNotAStringIsRefusedAndNamed(String body) {
		Response response = this.api.post(KEYS, this.token, body);
		assertThat(response.status()).isEqualTo(400);
		assertProblem(response);
		assertThat(response.json().get("field").asString()).isEqualTo("name");
		assertThat(storedKeys()).isEqualTo(1);
	}

	@Test
	void aDuplicatedPropertyIsRefusedAndNamed() {
		Response response = this.api.post(KEYS, this.token, "{\"name\": \"one\", \"name\": \"two\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).isEqualTo("name");
		assertThat(storedKeys()).isEqualTo(1);
	}

	@Test
	void anUnknownPropertyIsRefusedAndNamed() {
		Response response = this.api.post(KEYS, this.token, "{\"name\": \"one\", \"scopes_typo\": []}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).isEqualTo("scopes_typo");
		assertThat(response.json().get("detail").asString()).contains("scopes_typo");
		assertThat(storedKeys()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "+292278995-01-01T00:00:00Z", "2000-01-01T00:00:00Z", "9999-12-31T23:59:59Z" })
	void anExpiryInThePastOrBeyondTenYearsIsRefused(String expiresAt) {
		Response response = this.api.post(KEYS, this.token, "{\"name\": \"x\", \"expires_at\": \"" + expiresAt + "\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).isEqualTo("expires_at");
		assertThat(storedKeys()).isEqualTo(1);
	}

	@Test
	void anExpiryWithinTenYearsIsAccepted() {
		String nineYears = Instant.now().plus(java.time.Duration.ofDays(9 * 365)).toString();
		Response response = this.api.post(KEYS, this.token, "{\"name\": \"x\", \"expires_at\": \"" + nineYears + "\"}");
		assertThat(response.status()).isEqualTo(201);
	}

	@ParameterizedTest
	@ValueSource(strings = { "evil\\u202Etxt.exe", "a\\u2066b", "zero\\u200Bwidth", "bom\\uFEFF", "bell\\u0007" })
	void namesWithInvisibleOrDirectionControlCharactersAreRefused(String name) {
		Response response = this.api.post(KEYS, this.token, "{\"name\": \"" + name + "\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).isEqualTo("name");
		assertThat(response.json().get("detail").asString()).startsWith("name must not contain");
		assertThat(storedKeys()).isEqualTo(1);
	}

	@Test
	void namesAreStoredNfcNormalisedAndTrimmed() {
		Response response = this.api.post(KEYS, this.token, "{\"name\": \"  Cafe\\u0301  \"}");
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("name").asString()).isEqualTo("Caf\u00e9");
	}

	private long storedKeys() {
		return this.jdbc.sql("select count(*) from api_keys where tenant_id = ?")
			.param(this.tenant.id().value())
			.query(Long.class)
			.single();
	}

	static void assertProblem(Response response) {
		assertThat(response.status()).isNotEqualTo(500);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\"").doesNotContainIgnoringCase("<html");
	}

}
