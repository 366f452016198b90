package dev.latchkey.apikey;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-request key check on one instance: what it costs, and that a change made here is refused from the very
 * next request on, also while other threads keep authenticating with the key.
 */
@SpringBootTest
class ApiKeyAuthenticatorTest {

	static final Instant START = Instant.parse("2030-01-15T10:00:30Z");

	@Autowired
	ApiKeyAuthenticator authenticator;

	@Autowired
	ApiKeyService service;

	@Autowired
	LastUsedRecorder lastUsed;

	@Autowired
	StatementLog statements;

	@Autowired
	MutableClock clock;

	@Autowired
	Users users;

	Actor admin;

	@BeforeEach
	void signIn() {
		User user = this.users.findByEmail("admin@latchkey.local").orElseThrow();
		this.admin = Actor.user(user.tenantId(), user.id(), "127.0.0.1");
	}

	@Test
	void aCachedKeyCostsNoDatabaseStatementAndAnUncachedOneASingleRead() {
		CreatedApiKey created = create(null);
		this.statements.reset();

		assertThat(this.authenticator.authenticate(created.token())).isPresent();
		List<StatementLog.Sent> first = this.statements.sentBy(Thread.currentThread());
		assertThat(first).hasSize(1).allMatch(StatementLog.Sent::isRead);

		this.statements.reset();
		for (int i = 0; i < 100; i++) {
			assertThat(this.authenticator.authenticate(created.token())).isPresent();
		}
		assertThat(this.statements.sentBy(Thread.currentThread())).isEmpty();
	}

	@Test
	void anUnknownKeyCostsAtMostOneReadAndThenNone() {
		String unknown = "key_" + "0".repeat(48);
		this.statements.reset();

		assertThat(this.authenticator.authenticate(unknown)).isEmpty();
		assertThat(this.authenticator.authenticate(unknown)).isEmpty();

		assertThat(this.statements.sentBy(Thread.currentThread())).hasSizeLessThanOrEqualTo(1)
			.allMatch(StatementLog.Sent::isRead);
	}

	@Test
	void aTokenWithAWrongChecksumCostsNoDatabaseStatementAtAll() {
		CreatedApiKey created = create(null);
		String token = created.token();
		String wrongChecksum = token.substring(0, 44) + (token.charAt(44) == '0' ? '1' : '0') + token.substring(45);
		this.statements.reset();

		for (int i = 0; i < 50; i++) {
			String junk = ApiKeyToken.generate(new java.security.SecureRandom());
			junk = junk.substring(0, 44) + "zzzzzzzz".replace('z', junk.charAt(44) == '0' ? '1' : '0');
			assertThat(this.authenticator.verify(junk).status()).isEqualTo(VerificationStatus.NOT_FOUND);
		}
		assertThat(this.authenticator.verify(wrongChecksum).status()).isEqualTo(VerificationStatus.NOT_FOUND);

		assertThat(this.statements.sentBy(Thread.currentThread())).isEmpty();
	}

	@Test
	void theWholeRequestCheckOfACachedKeyRateLimitIncludedCostsNoDatabaseStatement() throws InterruptedException {
		CreatedApiKey created = create(null);
		assertThat(this.authenticator.verify(created.token(), "127.0.0.1", null).isValid()).isTrue();
		// the creation moved the change counter: let this instance's poller see it (and clear its cache) first
		Thread.sleep(600);
		assertThat(this.authenticator.verify(created.token(), "127.0.0.1", null).isValid()).isTrue();
		this.statements.reset();

		for (int i = 0; i < 100; i++) {
			Verification verification = this.authenticator.verify(created.token(), "127.0.0.1", null);
			assertThat(verification.isValid()).isTrue();
			assertThat(verification.rateLimit().remaining()).isNotNegative();
		}

		assertThat(this.statements.sentBy(Thread.currentThread())).isEmpty();
	}

	@Test
	void verificationNamesWhyAKeyIsRefused() {
		CreatedApiKey deactivated = create(null);
		this.service.deactivate(this.admin, deactivated.key().publicId());
		CreatedApiKey expiring = create(this.clock.instant().plusSeconds(5));
		CreatedApiKey deleted = create(null);
		this.service.delete(this.admin, deleted.key().publicId());
		this.clock.advance(Duration.ofSeconds(5));

		assertThat(this.authenticator.verify(deactivated.token()).status()).isEqualTo(VerificationStatus.INACTIVE);
		assertThat(this.authenticator.verify(expiring.token()).status()).isEqualTo(VerificationStatus.EXPIRED);
		assertThat(this.authenticator.verify(deleted.token()).status()).isEqualTo(VerificationStatus.NOT_FOUND);
		assertThat(this.authenticator.verify(create(null).token()).status()).isEqualTo(VerificationStatus.VALID);
	}

	@Test
	void lastUsedStillAdvancesToTheMinuteWhenTheKeyIsCached() {
		CreatedApiKey created = create(null);
		this.authenticator.authenticate(created.token());
		this.lastUsed.flush();
		Instant firstMinute = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		assertThat(find(created).lastUsedAt()).isEqualTo(firstMinute);

		this.clock.advance(Duration.ofMinutes(3));
		this.authenticator.authenticate(created.token());
		this.lastUsed.flush();

		assertThat(find(created).lastUsedAt()).isEqualTo(firstMinute.plus(Duration.ofMinutes(3)));
	}

	@Test
	void theNextRequestAfterADeactivationIsRefusedAndAfterAReactivationAccepted() {
		CreatedApiKey created = create(null);
		assertThat(this.authenticator.authenticate(created.token())).isPresent();

		this.service.deactivate(this.admin, created.key().publicId());
		assertThat(this.authenticator.authenticate(created.token())).isEmpty();

		this.service.reactivate(this.admin, created.key().publicId());
		assertThat(this.authenticator.authenticate(created.token())).isPresent();
	}

	@Test
	void theNextRequestAfterADeletionIsRefused() {
		CreatedApiKey created = create(null);
		assertThat(this.authenticator.authenticate(created.token())).isPresent();

		this.service.delete(this.admin, created.key().publicId());

		assertThat(this.authenticator.authenticate(created.token())).isEmpty();
	}

	@Test
	void aCachedKeyIsRefusedFromItsExpiryOn() {
		CreatedApiKey created = create(this.clock.instant().plus(Duration.ofHours(1)));
		assertThat(this.authenticator.authenticate(created.token())).isPresent();

		this.clock.advance(Duration.ofMinutes(59).plusSeconds(59));
		assertThat(this.authenticator.authenticate(created.token())).isPresent();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.authenticator.authenticate(created.token())).isEmpty();
	}

	@Test
	void noRequestStartedAfterADeactivationReturnedIsAcceptedUnderLoad() throws Exception {
		for (int round = 0; round < 5; round++) {
			CreatedApiKey created = create(null);
			assertNoAcceptanceAfter(created, (key) -> this.service.deactivate(this.admin, key.key().publicId()));
		}
	}

	@Test
	void noRequestStartedAfterADeletionReturnedIsAcceptedUnderLoad() throws Exception {
		for (int round = 0; round < 5; round++) {
			CreatedApiKey created = create(null);
			assertNoAcceptanceAfter(created, (key) -> this.service.delete(this.admin, key.key().publicId()));
		}
	}

	/**
	 * Hammers the key from several threads, each noting when every call started and what it answered, while the
	 * change commits; then no call that started after the change returned may have been accepted.
	 */
	private void assertNoAcceptanceAfter(CreatedApiKey created, Consumer<CreatedApiKey> change) throws Exception {
		int threads = 6;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicBoolean running = new AtomicBoolean(true);
		List<Future<List<long[]>>> results = new ArrayList<>();
		try {
			for (int t = 0; t < threads; t++) {
				results.add(pool.submit(() -> {
					List<long[]> calls = new ArrayList<>();
					long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
					while (running.get() && System.nanoTime() < deadline) {
						long started = System.nanoTime();
						boolean accepted = this.authenticator.authenticate(created.token()).isPresent();
						calls.add(new long[] { started, accepted ? 1 : 0 });
					}
					return calls;
				}));
			}
			Thread.sleep(100);
			change.accept(created);
			long returned = System.nanoTime();
			Thread.sleep(100);
			running.set(false);
			long acceptedBefore = 0;
			long refusedAfter = 0;
			for (Future<List<long[]>> result : results) {
				for (long[] call : result.get(15, TimeUnit.SECONDS)) {
					boolean after = call[0] - returned > 0;
					assertThat(after && call[1] == 1).as("a call started after the change returned was accepted")
						.isFalse();
					acceptedBefore += (!after && call[1] == 1) ? 1 : 0;
					refusedAfter += (after && call[1] == 0) ? 1 : 0;
				}
			}
			assertThat(acceptedBefore).as("calls accepted before the change").isPositive();
			assertThat(refusedAfter).as("calls refused after the change").isPositive();
		}
		finally {
			running.set(false);
			pool.shutdownNow();
		}
	}

	private CreatedApiKey create(Instant expiresAt) {
		return this.service.create(this.admin, new NewApiKey("key " + System.nanoTime(), expiresAt, null));
	}

	private ApiKey find(CreatedApiKey created) {
		return this.service.find(this.admin.tenantId(), created.key().publicId());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START);
		}

		@Bean
		static StatementLog statementLog() {
			return new StatementLog();
		}

	}

}
