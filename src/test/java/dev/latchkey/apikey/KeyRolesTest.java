package dev.latchkey.apikey;

import java.util.UUID;

import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.ApiClient;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The role rules for keys (issue 9), in the service that both the dashboard and the API call, and through the API,
 * which acts as the calling key's creator as that member is now.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, TestAccounts.class })
class KeyRolesTest {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	ApiKeyService keys;

	@Autowired
	TestAccounts accounts;

	@LocalServerPort
	int port;

	Tenant tenant;

	User admin;

	User developer;

	User viewer;

	@BeforeEach
	void team() {
		this.tenant = this.accounts.tenant("Roles " + UUID.randomUUID(), true);
		this.admin = this.accounts.admin(this.tenant, unique("admin"), "Ada", PASSWORD);
		this.developer = this.accounts.member(this.tenant, unique("dev"), "Dev", PASSWORD, Role.DEVELOPER);
		this.viewer = this.accounts.member(this.tenant, unique("viewer"), "Vi", PASSWORD, Role.VIEWER);
	}

	@Test
	void aViewerReadsButChangesNothing() {
		CreatedApiKey adminKey = create(this.admin, "development");

		assertThat(this.keys.list(this.tenant.id(), "", 0, 10).total()).isEqualTo(1);
		assertThat(this.keys.history(this.tenant.id(), adminKey.key().publicId())).isNotEmpty();
		assertThatThrownBy(() -> create(this.viewer, "development")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.keys.deactivate(actor(this.viewer), adminKey.key().publicId()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.keys.delete(actor(this.viewer), adminKey.key().publicId()))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.keys.find(this.tenant.id(), adminKey.key().publicId()).isActive()).isTrue();
	}

	@Test
	void aDeveloperCreatesDevelopmentKeysAndChangesOnlyItsOwn() {
		CreatedApiKey adminKey = create(this.admin, "production");
		CreatedApiKey own = create(this.developer, "development");

		assertThatThrownBy(() -> create(this.developer, "production")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.keys.deactivate(actor(this.developer), adminKey.key().publicId()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.keys.reactivate(actor(this.developer), adminKey.key().publicId()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.keys.delete(actor(this.developer), adminKey.key().publicId()))
			.isInstanceOf(AccessDeniedException.class);

		assertThat(this.keys.deactivate(actor(this.developer), own.key().publicId()).isActive()).isFalse();
		assertThat(this.keys.reactivate(actor(this.developer), own.key().publicId()).isActive()).isTrue();
		this.keys.delete(actor(this.developer), own.key().publicId());
		assertThat(this.keys.list(this.tenant.id(), "", 0, 10).total()).isEqualTo(1);
	}

	@Test
	void anAdminChangesEveryKeyAndCreatesProductionKeysOnlyWhereGranted() {
		CreatedApiKey developerKey = create(this.developer, "development");
		assertThat(create(this.admin, "production").key().environment()).isEqualTo(Environment.PRODUCTION);
		assertThat(this.keys.deactivate(actor(this.admin), developerKey.key().publicId()).isActive()).isFalse();
		this.keys.delete(actor(this.admin), developerKey.key().publicId());

		Tenant trial = this.accounts.tenant("Trial " + UUID.randomUUID(), false);
		User trialAdmin = this.accounts.admin(trial, unique("trial"), "Tia", PASSWORD);
		assertThatThrownBy(() -> this.keys.create(Actor.user(trial.id(), trialAdmin.id(), null),
				new NewApiKey("Prod", null, "production")))
			.isInstanceOf(dev.latchkey.InvalidInputException.class);
	}

	@Test
	void aDisabledMembersKeyStillAuthenticatesButMayChangeNothing() {
		CreatedApiKey own = create(this.developer, "development");
		this.accounts.disable(this.developer);

		assertThat(this.keys.permissions(Actor.apiKey(this.tenant.id(), this.developer.id(), 1, null)).canCreate())
			.isFalse();
		ApiClient api = new ApiClient(this.port);
		assertThat(api.get("/api/credentials/keys", own.token()).status()).isEqualTo(200);
		assertThat(api.post("/api/credentials/keys/" + own.key().publicId() + "/deactivate", own.token()).status())
			.isEqualTo(403);
	}

	@Test
	void theApiActsAsTheKeysCreatorAsItIsNow() {
		CreatedApiKey adminKey = create(this.admin, "development");
		CreatedApiKey developerKey = create(this.developer, "development");
		ApiClient api = new ApiClient(this.port);

		var refused = api.delete("/api/credentials/keys/" + adminKey.key().publicId(), developerKey.token());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.headers()).containsIgnoringCase("content-type: application/problem+json");
		assertThat(api.post("/api/credentials/keys", developerKey.token(),
				"{\"name\": \"Prod\", \"environment\": \"production\"}")
			.status()).isEqualTo(403);
		assertThat(api.post("/api/credentials/keys", developerKey.token(), "{\"name\": \"Dev\"}").status())
			.isEqualTo(201);
		assertThat(this.keys.find(this.tenant.id(), adminKey.key().publicId()).isActive()).isTrue();

		// Promoted to Admin: the same key may now do what an admin may.
		this.accounts.setRole(this.developer, Role.ADMIN);
		assertThat(api.delete("/api/credentials/keys/" + adminKey.key().publicId(), developerKey.token()).status())
			.isEqualTo(204);
	}

	private CreatedApiKey create(User user, String environment) {
		return this.keys.create(actor(user), new NewApiKey("Key " + UUID.randomUUID(), null, environment));
	}

	private Actor actor(User user) {
		return Actor.user(user.tenantId(), user.id(), "127.0.0.1");
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID() + "@roles.test";
	}

}
