package dev.latchkey.apikey;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.latchkey.InvalidInputException;
import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.audit.AuditEvent;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.MutableClock;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Roll, rename, change expiration and the tenant's maximum key lifetime, in the service both surfaces call. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, TestAccounts.class })
class KeyLifecycleTest {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	ApiKeyService keys;

	@Autowired
	KeyLifetimePolicy lifetime;

	@Autowired
	TestAccounts accounts;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApiKeyAuthenticator authenticator;

	Tenant tenant;

	User admin;

	User developer;

	User viewer;

	/** The clock is the context's, shared with other test classes, whose signed-in sessions it times. */
	@org.junit.jupiter.api.AfterEach
	void realTime() {
		this.clock.set(java.time.Instant.now());
	}

	@BeforeEach
	void team() {
		this.tenant = this.accounts.tenant("Lifecycle " + UUID.randomUUID(), true);
		this.admin = this.accounts.admin(this.tenant, unique("admin"), "Ada", PASSWORD);
		this.developer = this.accounts.member(this.tenant, unique("dev"), "Dev", PASSWORD, Role.DEVELOPER);
		this.viewer = this.accounts.member(this.tenant, unique("viewer"), "Vi", PASSWORD, Role.VIEWER);
	}

	@Test
	void aRolledKeyHasTheOldKeysSettingsAndExpiryLengthAndBothLinkToEachOther() {
		Instant created = now();
		CreatedApiKey old = this.keys.create(actor(this.admin), new NewApiKey("CI pipeline",
				created.plus(Duration.ofDays(30)), "production", List.of("keys:read", "keys:verify"),
				new RateLimit(50, 60), List.of("203.0.113.0/24")));
		this.clock.advance(Duration.ofDays(10));

		CreatedApiKey rolled = this.keys.roll(actor(this.admin), old.key().publicId(), Duration.ofHours(24));

		ApiKey fresh = rolled.key();
		assertThat(rolled.token()).isNotEqualTo(old.token()).startsWith("key_");
		assertThat(fresh.publicId()).isNotEqualTo(old.key().publicId());
		assertThat(fresh.name()).isEqualTo("CI pipeline");
		assertThat(fresh.environment()).isEqualTo(Environment.PRODUCTION);
		assertThat(fresh.scopes().list()).containsExactlyInAnyOrder("keys:read", "keys:verify");
		assertThat(fresh.rateLimit()).isEqualTo(new RateLimit(50, 60));
		assertThat(fresh.allowedIps().list()).containsExactly("203.0.113.0/24");
		assertThat(fresh.expiresAt()).isEqualTo(micros(now().plus(Duration.ofDays(30))));
		assertThat(fresh.isActive()).isTrue();
		assertThat(fresh.rolledFrom().publicId()).isEqualTo(old.key().publicId());
		assertThat(fresh.rolledFrom().tokenPrefix()).isEqualTo(old.key().tokenPrefix());

		ApiKey replaced = this.keys.find(this.tenant.id(), old.key().publicId());
		assertThat(replaced.expiresAt()).isEqualTo(micros(now().plus(Duration.ofHours(24))));
		assertThat(replaced.rolledTo().publicId()).isEqualTo(fresh.publicId());
		assertThat(replaced.isActive()).isTrue();
		assertThat(actions(replaced)).contains("rolled to " + fresh.tokenPrefix() + "…");
		assertThat(actions(fresh)).contains("rolled from " + replaced.tokenPrefix() + "…");
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, 3600, 86400, 604800 })
	void theOldKeyStopsAtTheChosenTime(long seconds) {
		CreatedApiKey old = this.keys.create(actor(this.admin), new NewApiKey("Worker", null, null));
		CreatedApiKey rolled = this.keys.roll(actor(this.admin), old.key().publicId(), Duration.ofSeconds(seconds));

		ApiKey replaced = this.keys.find(this.tenant.id(), old.key().publicId());
		assertThat(replaced.expiresAt()).isEqualTo(micros(now().plusSeconds(seconds)));
		assertThat(rolled.key().expiresAt()).as("the old key never expired, so neither does the new").isNull();
		assertThat(this.authenticator.authenticate(rolled.token())).isPresent();
		assertThat(this.authenticator.authenticate(old.token()).isPresent()).isEqualTo(seconds > 0);
		if (seconds > 0) {
			this.clock.advance(Duration.ofSeconds(seconds));
			assertThat(this.authenticator.authenticate(old.token())).isEmpty();
			assertThat(this.authenticator.authenticate(rolled.token())).isPresent();
		}
	}

	@Test
	void aRollNeverExtendsTheOldKey() {
		CreatedApiKey old = this.keys.create(actor(this.admin),
				new NewApiKey("Short", now().plus(Duration.ofHours(2)), null));
		Instant before = this.keys.find(this.tenant.id(), old.key().publicId()).expiresAt();

		CreatedApiKey rolled = this.keys.roll(actor(this.admin), old.key().publicId(), Duration.ofDays(7));

		assertThat(this.keys.find(this.tenant.id(), old.key().publicId()).expiresAt()).isEqualTo(before);
		assertThat(rolled.key().expiresAt()).isEqualTo(micros(now().plus(Duration.ofHours(2))));
	}

	@Test
	void aGraceOutsideNoneToSevenDaysIsRefusedAndNothingChanges() {
		CreatedApiKey old = this.keys.create(actor(this.admin), new NewApiKey("Worker", null, null));
		for (Duration grace : List.of(Duration.ofSeconds(-1), Duration.ofDays(7).plusSeconds(1),
				Duration.ofDays(3650))) {
			assertThatThrownBy(() -> this.keys.roll(actor(this.admin), old.key().publicId(), grace))
				.isInstanceOfSatisfying(InvalidInputException.class,
						(ex) -> assertThat(ex.field()).isEqualTo("expire_old_in_seconds"));
		}
		assertThat(this.keys.list(this.tenant.id(), "", 0, 10).total()).isEqualTo(1);
		assertThat(this.keys.find(this.tenant.id(), old.key().publicId()).expiresAt()).isNull();
	}

	@Test
	void aKeyIsRolledOnceAndItsSuccessorNext() {
		CreatedApiKey old = this.keys.create(actor(this.admin), new NewApiKey("Worker", null, null));
		CreatedApiKey rolled = this.keys.roll(actor(this.admin), old.key().publicId(), Duration.ofHours(1));

		assertThatThrownBy(() -> this.keys.roll(actor(this.admin), old.key().publicId(), Duration.ZERO))
			.isInstanceOf(KeyAlreadyRolledException.class)
			.hasMessageContaining(rolled.key().tokenPrefix());
		assertThat(this.keys.roll(actor(this.admin), rolled.key().publicId(), Duration.ZERO).key().rolledFrom()
			.publicId()).isEqualTo(rolled.key().publicId());
	}

	@Test
	void rollingNeedsThePermissionToChangeTheKey() {
		CreatedApiKey adminKey = this.keys.create(actor(this.admin), new NewApiKey("Admin's", null, null));
		CreatedApiKey own = this.keys.create(actor(this.developer), new NewApiKey("Dev's", null, null));

		assertThatThrownBy(() -> this.keys.roll(actor(this.viewer), adminKey.key().publicId(), Duration.ZERO))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.keys.roll(actor(this.developer), adminKey.key().publicId(), Duration.ZERO))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.keys.roll(actor(this.developer), own.key().publicId(), Duration.ZERO).key().name())
			.isEqualTo("Dev's");
		assertThat(this.keys.find(this.tenant.id(), adminKey.key().publicId()).rolledTo()).isNull();
	}

	@Test
	void aRollMakesANewKeySoItFollowsTheRulesForCreatingOneInItsEnvironment() {
		CreatedApiKey production = this.keys.create(actor(this.admin), new NewApiKey("Live", null, "production"));

		// the admin who made it is a Developer now: it may change its own key, but not mint a production key
		this.jdbc.sql("update users set role = 'DEVELOPER' where id = ?").param(this.admin.id().value()).update();
		assertThatThrownBy(() -> this.keys.roll(actor(this.admin), production.key().publicId(), Duration.ZERO))
			.isInstanceOf(AccessDeniedException.class);

		// an admin again, but the tenant's production access was revoked
		this.jdbc.sql("update users set role = 'ADMIN' where id = ?").param(this.admin.id().value()).update();
		this.jdbc.sql("update tenants set production_enabled = false where id = ?")
			.param(this.tenant.id().value())
			.update();
		assertThatThrownBy(() -> this.keys.roll(actor(this.admin), production.key().publicId(), Duration.ZERO))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("environment"));
		assertThat(this.keys.find(this.tenant.id(), production.key().publicId()).rolledTo()).isNull();
	}

	@Test
	void theMaximumLifetimeRefusesLaterExpiriesAndNeverAndCapsARoll() {
		CreatedApiKey forever = this.keys.create(actor(this.admin), new NewApiKey("Forever", null, null));
		CreatedApiKey yearly = this.keys.create(actor(this.admin),
				new NewApiKey("Yearly", now().plus(Duration.ofDays(365)), null));
		this.lifetime.change(actor(this.admin), MaxKeyLifetime.DAYS_90);
		assertThat(this.lifetime.find(this.tenant.id())).isEqualTo(MaxKeyLifetime.DAYS_90);

		assertThatThrownBy(() -> this.keys.create(actor(this.admin), new NewApiKey("Never", null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> {
				assertThat(ex.field()).isEqualTo("expires_at");
				assertThat(ex.getMessage()).contains("90 days");
			});
		assertThatThrownBy(() -> this.keys.create(actor(this.admin),
				new NewApiKey("Later", now().plus(Duration.ofDays(91)), null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("90 days");
		assertThat(this.keys.create(actor(this.admin), new NewApiKey("Within", now().plus(Duration.ofDays(90)), null))
			.key()
			.expiresAt()).isNotNull();

		assertThat(this.keys.roll(actor(this.admin), forever.key().publicId(), Duration.ZERO).key().expiresAt())
			.isEqualTo(micros(now().plus(Duration.ofDays(90))));
		assertThat(this.keys.roll(actor(this.admin), yearly.key().publicId(), Duration.ZERO).key().expiresAt())
			.isEqualTo(micros(now().plus(Duration.ofDays(90))));

		CreatedApiKey within = this.keys.create(actor(this.admin),
				new NewApiKey("Within too", now().plus(Duration.ofDays(10)), null));
		assertThatThrownBy(() -> this.keys.edit(actor(this.admin), within.key().publicId(), KeyEdit.expiration(null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("90 days");
		assertThatThrownBy(() -> this.keys.edit(actor(this.admin), within.key().publicId(),
				KeyEdit.expiration(now().plus(Duration.ofDays(120)))))
			.isInstanceOf(InvalidInputException.class);

		this.lifetime.change(actor(this.admin), MaxKeyLifetime.NONE);
		assertThat(this.keys.create(actor(this.admin), new NewApiKey("Never again", null, null)).key().expiresAt())
			.isNull();
	}

	@Test
	void onlyAnAdminSetsTheMaximumLifetime() {
		assertThatThrownBy(() -> this.lifetime.change(actor(this.developer), MaxKeyLifetime.DAYS_30))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.lifetime.change(actor(this.viewer), MaxKeyLifetime.DAYS_30))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.lifetime.find(this.tenant.id())).isEqualTo(MaxKeyLifetime.NONE);
		assertThatThrownBy(() -> MaxKeyLifetime.ofDays(45, "max_key_lifetime_days"))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void renameFollowsTheNameRulesAndIsInTheHistory() {
		CreatedApiKey key = this.keys.create(actor(this.admin), new NewApiKey("Old name", null, null));

		ApiKey renamed = this.keys.edit(actor(this.admin), key.key().publicId(), KeyEdit.rename("  New name "));

		assertThat(renamed.name()).isEqualTo("New name");
		assertThat(this.keys.find(this.tenant.id(), key.key().publicId()).name()).isEqualTo("New name");
		assertThat(actions(renamed)).contains("renamed");
		for (String bad : List.of("x".repeat(129), " ", "a\u202Eb")) {
			assertThatThrownBy(() -> this.keys.edit(actor(this.admin), key.key().publicId(), KeyEdit.rename(bad)))
				.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.field()).isEqualTo("name"));
		}
		assertThatThrownBy(() -> this.keys.edit(actor(this.viewer), key.key().publicId(), KeyEdit.rename("Mine")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.keys.edit(actor(this.developer), key.key().publicId(), KeyEdit.rename("Mine")))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.keys.find(this.tenant.id(), key.key().publicId()).name()).isEqualTo("New name");
	}

	@Test
	void anExpiredKeyGivenANewExpirationWorksAgain() {
		CreatedApiKey key = this.keys.create(actor(this.admin),
				new NewApiKey("Nightly", now().plus(Duration.ofDays(1)), null));
		this.clock.advance(Duration.ofDays(2));
		assertThat(this.authenticator.authenticate(key.token())).isEmpty();

		ApiKey extended = this.keys.edit(actor(this.admin), key.key().publicId(),
				KeyEdit.expiration(now().plus(Duration.ofDays(30))));

		assertThat(extended.statusAt(now())).isEqualTo(KeyStatus.ACTIVE);
		assertThat(this.authenticator.authenticate(key.token())).isPresent();
		assertThat(actions(extended)).contains("expiration changed");
		assertThatThrownBy(() -> this.keys.edit(actor(this.admin), key.key().publicId(),
				KeyEdit.expiration(now().minusSeconds(1))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("expires_at"));

		this.keys.edit(actor(this.admin), key.key().publicId(), KeyEdit.expiration(null));
		assertThat(this.keys.find(this.tenant.id(), key.key().publicId()).expiresAt()).isNull();
	}

	@Test
	void aDeactivatedKeyGivenANewExpirationStaysDeactivated() {
		CreatedApiKey key = this.keys.create(actor(this.admin),
				new NewApiKey("Paused", now().plus(Duration.ofDays(1)), null));
		this.keys.deactivate(actor(this.admin), key.key().publicId());

		ApiKey changed = this.keys.edit(actor(this.admin), key.key().publicId(),
				KeyEdit.expiration(now().plus(Duration.ofDays(60))));

		assertThat(changed.expiresAt()).isEqualTo(micros(now().plus(Duration.ofDays(60))));
		assertThat(changed.statusAt(now())).isEqualTo(KeyStatus.INACTIVE);
		assertThat(this.authenticator.authenticate(key.token())).isEmpty();
	}

	@Test
	void aRenameAndARefusedExpirationTogetherChangeNothing() {
		CreatedApiKey key = this.keys.create(actor(this.admin), new NewApiKey("Kept", null, null));

		assertThatThrownBy(() -> this.keys.edit(actor(this.admin), key.key().publicId(),
				KeyEdit.rename("Lost").withExpiration(now().minusSeconds(5))))
			.isInstanceOf(InvalidInputException.class);

		assertThat(this.keys.find(this.tenant.id(), key.key().publicId()).name()).isEqualTo("Kept");
	}

	private List<String> actions(ApiKey key) {
		return this.keys.history(this.tenant.id(), key.publicId()).stream().map(AuditEvent::action).toList();
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static Instant micros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	private Actor actor(User user) {
		return Actor.user(this.tenant.id(), user.id(), "127.0.0.1");
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID() + "@lifecycle.test";
	}

}
