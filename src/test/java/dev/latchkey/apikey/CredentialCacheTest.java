package dev.latchkey.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.latchkey.shared.UserId;
import dev.latchkey.shared.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

class CredentialCacheTest {

	private final CredentialCache cache = new CredentialCache(properties());

	@BeforeEach
	void trusted() {
		this.cache.trustUntil(System.nanoTime() + Duration.ofMinutes(1).toNanos());
	}

	@Test
	void aReadThatStartedBeforeAChangeCannotStoreItsAnswerAfterTheEviction() {
		long stamp = this.cache.stamp();
		// ...the request reads the row as active; meanwhile the deactivation commits and evicts...
		this.cache.evict(digest("hash-1"));
		this.cache.remember(digest("hash-1"), credential(1, true), stamp);

		assertThat(this.cache.lookup(digest("hash-1"))).isNull();
	}

	@Test
	void anUnknownAnswerReadBeforeACreationCannotHideTheNewKey() {
		long unknownStamp = this.cache.unknownStamp();
		long stamp = this.cache.stamp();
		// ...a request finds no key for the hash; meanwhile the key with that token is created and committed...
		this.cache.forgetUnknown(digest("hash-new"));
		this.cache.rememberUnknown(digest("hash-new"), unknownStamp);
		// ...while a known key read at the same time may still be stored: a creation cannot make it stale
		this.cache.remember(digest("hash-1"), credential(1, true), stamp);

		assertThat(this.cache.lookup(digest("hash-new"))).isNull();
		assertThat(this.cache.lookup(digest("hash-1"))).isNotNull();
	}

	@Test
	void anAnswerStoredBeforeTheEvictionIsEvicted() {
		this.cache.remember(digest("hash-1"), credential(1, true), this.cache.stamp());
		this.cache.remember(digest("hash-2"), credential(2, true), this.cache.stamp());

		this.cache.evict(digest("hash-1"));

		assertThat(this.cache.lookup(digest("hash-1"))).isNull();
		assertThat(this.cache.lookup(digest("hash-2"))).isNotNull();
	}

	@Test
	void creatingAKeyForgetsUnknownHashesButKeepsKnownKeys() {
		this.cache.rememberUnknown(digest("hash-new"), this.cache.unknownStamp());
		this.cache.remember(digest("hash-1"), credential(1, true), this.cache.stamp());
		assertThat(this.cache.lookup(digest("hash-new"))).isSameAs(CachedCredential.UNKNOWN);

		this.cache.forgetUnknown(digest("hash-new"));

		assertThat(this.cache.lookup(digest("hash-new"))).isNull();
		assertThat(this.cache.lookup(digest("hash-1"))).isNotNull();
	}

	@Test
	void unknownHashesCannotPushKnownKeysOut() {
		this.cache.remember(digest("hash-1"), credential(1, true), this.cache.stamp());
		for (int i = 0; i < 100; i++) {
			this.cache.rememberUnknown(digest("random-" + i), this.cache.unknownStamp());
		}

		assertThat(this.cache.lookup(digest("hash-1"))).isNotNull();
	}

	@Test
	void holdsNoMoreThanItsBoundsEvictingTheRest() {
		for (int i = 0; i < 1000; i++) {
			this.cache.remember(digest("hash-" + i), credential(i, true), this.cache.stamp());
			this.cache.rememberUnknown(digest("random-" + i), this.cache.unknownStamp());
		}

		assertThat(this.cache.size()).isLessThanOrEqualTo(3);
		assertThat(this.cache.unknownSize()).isLessThanOrEqualTo(2);
		assertThat(java.util.stream.IntStream.range(0, 1000).filter((i) -> this.cache.lookup(digest("hash-" + i)) != null)
			.count()).as("keys still answered from memory").isBetween(1L, 3L);
		assertThat(java.util.stream.IntStream.range(0, 1000)
			.filter((i) -> this.cache.lookup(digest("random-" + i)) == CachedCredential.UNKNOWN)
			.count()).as("unknown hashes still answered from memory").isBetween(1L, 2L);
	}

	@Test
	void aChangeOnAnotherInstanceEvictsOnlyThatKey() {
		KeyChanges changes = mock(KeyChanges.class);
		var poller = new KeyChangePoller(changes, this.cache, properties());
		willReturn(7L).given(changes).version();
		poller.poll();
		this.cache.remember(digest("hash-1"), credential(1, true), this.cache.stamp());
		this.cache.remember(digest("hash-2"), credential(2, true), this.cache.stamp());
		this.cache.rememberUnknown(digest("hash-new"), this.cache.unknownStamp());
		this.cache.rememberUnknown(digest("hash-other"), this.cache.unknownStamp());

		willReturn(9L).given(changes).version();
		willReturn(List.of(new KeyChanges.Change(8, hash("hash-1"), false, null), new KeyChanges.Change(9, hash("hash-new"), true, null)))
			.given(changes)
			.since(7, 9);
		poller.poll();

		assertThat(this.cache.lookup(digest("hash-1"))).isNull();
		assertThat(this.cache.lookup(digest("hash-2"))).isNotNull();
		assertThat(this.cache.lookup(digest("hash-new"))).as("created elsewhere: no longer unknown").isNull();
		assertThat(this.cache.lookup(digest("hash-other"))).isSameAs(CachedCredential.UNKNOWN);
	}

	@Test
	void aGapInTheChangeLogClearsEverything() {
		KeyChanges changes = mock(KeyChanges.class);
		var poller = new KeyChangePoller(changes, this.cache, properties());
		willReturn(7L).given(changes).version();
		poller.poll();
		this.cache.remember(digest("hash-2"), credential(2, true), this.cache.stamp());
		this.cache.rememberUnknown(digest("hash-other"), this.cache.unknownStamp());

		willReturn(20_000L).given(changes).version();
		willReturn(List.of(new KeyChanges.Change(20_000, hash("hash-1"), false, null))).given(changes).since(7, 20_000);
		poller.poll();

		assertThat(this.cache.lookup(digest("hash-2"))).isNull();
		assertThat(this.cache.lookup(digest("hash-other"))).isNull();
	}

	@Test
	void answersNothingOnceItsTrustHasLapsed() {
		this.cache.remember(digest("hash-1"), credential(1, true), this.cache.stamp());

		this.cache.trustUntil(System.nanoTime() - 1);

		assertThat(this.cache.lookup(digest("hash-1"))).isNull();
	}

	@Test
	void aFailingPollStopsTheCacheAnsweringAndAMovedCounterClearsIt() {
		KeyChanges changes = mock(KeyChanges.class);
		var poller = new KeyChangePoller(changes, this.cache, properties());
		willReturn(7L).given(changes).version();
		poller.poll();
		this.cache.remember(digest("hash-1"), credential(1, true), this.cache.stamp());
		assertThat(this.cache.lookup(digest("hash-1"))).isNotNull();

		willThrow(new DataAccessResourceFailureException("down")).given(changes).version();
		poller.poll();
		assertThat(this.cache.lookup(digest("hash-1"))).isNull();

		willReturn(7L).given(changes).version();
		poller.poll();
		assertThat(this.cache.lookup(digest("hash-1"))).as("no change happened while the database was unreachable")
			.isNotNull();

		willReturn(8L).given(changes).version();
		willReturn(List.of()).given(changes).since(7, 8);
		poller.poll();
		assertThat(this.cache.lookup(digest("hash-1"))).isNull();
	}

	/** The hex text stored for a token, as the change log carries it. */
	private static String hash(String token) {
		return ApiKeyToken.hash(token);
	}

	private static TokenDigest digest(String token) {
		return TokenDigest.of(token);
	}

	private static CredentialCacheProperties properties() {
		return new CredentialCacheProperties(3, 2, Duration.ofMillis(200), Duration.ofMillis(750), true);
	}

	private static CachedCredential credential(long id, boolean enabled) {
		return new CachedCredential(new AuthenticatedKey(id, "public-" + id, new TenantId(1), "Tenant", "key " + id,
				Environment.DEVELOPMENT, new UserId(1), null), enabled, Instant.EPOCH);
	}

}
