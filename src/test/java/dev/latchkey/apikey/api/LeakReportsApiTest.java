package dev.latchkey.apikey.api;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.apikey.ApiKey;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.CreatedApiKey;
import dev.latchkey.apikey.LeakPolicy;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.apikey.SecuritySettings;
import dev.latchkey.apikey.SecuritySettingsService;
import dev.latchkey.mail.Email;
import dev.latchkey.mail.Mailer;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.ApiClient;
import dev.latchkey.support.ApiClient.Response;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

/** POST /api/credentials/leaks, signed as GitHub's secret scanning signs its reports. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeakReportsApiTest {

	static final KeyPair SCANNER = keyPair();

	static final KeyPair STRANGER = keyPair();

	@DynamicPropertySource
	static void scannerKey(DynamicPropertyRegistry registry) {
		registry.add("latchkey.leaks.public-keys.scanner-1", () -> "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(SCANNER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----");
	}

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Users users;

	@Autowired
	ApiKeyService keys;

	@Autowired
	SecuritySettingsService settings;

	@MockitoBean
	Mailer mailer;

	ApiClient api;

	Actor admin;

	User adminUser;

	@BeforeEach
	void tenant() {
		this.api = new ApiClient(this.port);
		Tenant tenant = this.tenants.create("Leaky " + UUID.randomUUID(), false, Instant.now());
		this.adminUser = this.users.create(tenant.id(), UUID.randomUUID() + "@leaky.test", "Ada", "{noop}unused",
				Role.ADMIN, Instant.now());
		this.admin = Actor.user(tenant.id(), this.adminUser.id(), "127.0.0.1");
	}

	@Test
	void aReportedLiveKeyIsDeactivatedRecordedAndItsAdminsAreTold() {
		CreatedApiKey leaked = create("Leaky CI key");
		String junk = "key_" + "0123456789abcdef".repeat(3);

		Response response = report(SCANNER, "scanner-1", "[{\"token\": \"" + leaked.token() + "\", \"type\": "
				+ "\"latchkey_api_key\", \"url\": \"https://github.com/acme/app/blob/main/.env\", \"source\": \"content\"},"
				+ "{\"token\": \"" + junk + "\", \"type\": \"latchkey_api_key\", \"url\": \"https://x\", \"source\": \"content\"}]");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get(0).get("label").asString()).isEqualTo("true_positive");
		assertThat(response.json().get(0).get("token_type").asString()).isEqualTo("latchkey_api_key");
		assertThat(response.json().get(1).get("label").asString()).isEqualTo("false_positive");
		assertThat(response.body()).doesNotContain("Leaky");

		ApiKey key = this.keys.find(this.admin.tenantId(), leaked.key().publicId());
		assertThat(key.isActive()).isFalse();
		assertThat(key.leakUrl()).isEqualTo("https://github.com/acme/app/blob/main/.env");
		assertThat(key.leakReportedAt()).isNotNull();
		assertThat(this.keys.history(this.admin.tenantId(), key.publicId())).extracting((e) -> e.action())
			.contains("reported leaked", "deactivated");
		assertThat(this.api.get("/api/hello_world/authenticated", leaked.token()).status()).isEqualTo(401);
		ArgumentCaptor<Email> mail = ArgumentCaptor.forClass(Email.class);
		verify(this.mailer, atLeastOnce()).send(mail.capture());
		assertThat(mail.getAllValues()).anySatisfy((email) -> {
			assertThat(email.to()).isEqualTo(this.adminUser.email());
			assertThat(email.text()).contains("Leaky CI key").contains("https://github.com/acme/app/blob/main/.env")
				.contains("deactivated").doesNotContain(leaked.token().substring(8));
		});
	}

	@Test
	void underNotifyOnlyTheKeyKeepsWorking() {
		this.settings.update(this.admin, new SecuritySettings(null, LeakPolicy.NOTIFY, List.of()));
		CreatedApiKey leaked = create("Still working");

		Response response = report(SCANNER, "scanner-1", "[{\"token\": \"" + leaked.token()
				+ "\", \"type\": \"t\", \"url\": \"https://gist.github.com/x\", \"source\": \"gist\"}]");

		assertThat(response.json().get(0).get("label").asString()).isEqualTo("true_positive");
		assertThat(this.keys.find(this.admin.tenantId(), leaked.key().publicId()).isActive()).isTrue();
		assertThat(this.api.get("/api/hello_world/authenticated", leaked.token()).status()).isEqualTo(200);
	}

	@Test
	void unsignedOrWronglySignedReportsAreRefused() {
		CreatedApiKey key = create("Safe");
		String body = "[{\"token\": \"" + key.token() + "\", \"type\": \"t\", \"url\": \"u\", \"source\": \"s\"}]";

		assertThat(this.api.post("/api/credentials/leaks", null, body).status()).isEqualTo(401);
		assertThat(report(STRANGER, "scanner-1", body).status()).isEqualTo(401);
		assertThat(report(SCANNER, "unknown-key", body).status()).isEqualTo(401);
		assertThat(this.keys.find(this.admin.tenantId(), key.key().publicId()).isActive()).isTrue();
	}

	@Test
	void aMalformedReportIsA400() {
		assertThat(report(SCANNER, "scanner-1", "{\"token\": \"x\"}").status()).isEqualTo(400);
		assertThat(report(SCANNER, "scanner-1", "not json").status()).isEqualTo(400);
		assertThat(report(SCANNER, "scanner-1", "[{\"type\": \"x\"}]").status()).isEqualTo(400);
	}

	private Response report(KeyPair signer, String keyId, String body) {
		try {
			Signature signature = Signature.getInstance("SHA256withECDSA");
			signature.initSign(signer.getPrivate());
			signature.update(body.getBytes(StandardCharsets.UTF_8));
			String signed = Base64.getEncoder().encodeToString(signature.sign());
			return this.api.postWithHeaders("/api/credentials/leaks", body,
					java.util.Map.of("Github-Public-Key-Identifier", keyId, "Github-Public-Key-Signature", signed));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private CreatedApiKey create(String name) {
		return this.keys.create(this.admin, new NewApiKey(name, null, null));
	}

	private static KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
