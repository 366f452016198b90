package dev.latchkey.apikey;

import java.time.Duration;
import java.time.Instant;

import dev.latchkey.shared.UserId;
import dev.latchkey.shared.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ApiKeyTest {

	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	@Test
	void aNewKeyIsActive() {
		assertThat(key(null).statusAt(NOW)).isEqualTo(KeyStatus.ACTIVE);
	}

	@Test
	void deactivatingRecordsWhenAndIsIdempotent() {
		ApiKey key = key(null);
		assertThat(key.deactivate(NOW, true)).isTrue();
		assertThat(key.statusAt(NOW)).isEqualTo(KeyStatus.INACTIVE);
		assertThat(key.deactivatedAt()).isEqualTo(NOW);
		assertThat(key.deactivate(NOW.plusSeconds(5), true)).isFalse();
		assertThat(key.deactivatedAt()).isEqualTo(NOW);
	}

	@Test
	void reactivatingRestoresAccess() {
		ApiKey key = key(null);
		key.deactivate(NOW, true);
		assertThat(key.reactivate(true)).isTrue();
		assertThat(key.statusAt(NOW)).isEqualTo(KeyStatus.ACTIVE);
		assertThat(key.deactivatedAt()).isNull();
		assertThat(key.reactivate(true)).isFalse();
	}

	@Test
	void aKeyExpiresAtItsExpirationInstant() {
		ApiKey key = key(NOW.plus(Duration.ofDays(7)));
		assertThat(key.statusAt(NOW.plus(Duration.ofDays(7)).minusMillis(1))).isEqualTo(KeyStatus.ACTIVE);
		assertThat(key.statusAt(NOW.plus(Duration.ofDays(7)))).isEqualTo(KeyStatus.EXPIRED);
	}

	@Test
	void reactivatingAnExpiredKeyDoesNotReviveIt() {
		ApiKey key = key(NOW.plusSeconds(60));
		key.deactivate(NOW, true);
		key.reactivate(true);
		assertThat(key.statusAt(NOW.plusSeconds(61))).isEqualTo(KeyStatus.EXPIRED);
	}

	@Test
	void aDeletedKeyCanNeitherBeReactivatedNorDeactivatedNorDeletedAgain() {
		ApiKey key = key(null);
		key.delete(NOW);
		assertThat(key.isActive()).isFalse();
		assertThat(key.deletedAt()).isEqualTo(NOW);
		assertThatExceptionOfType(ApiKeyNotFoundException.class).isThrownBy(() -> key.reactivate(true));
		assertThatExceptionOfType(ApiKeyNotFoundException.class).isThrownBy(() -> key.deactivate(NOW, true));
		assertThatExceptionOfType(ApiKeyNotFoundException.class).isThrownBy(() -> key.delete(NOW));
	}

	@Test
	void aKeyCannotReactivateWhatAPersonDeactivatedButAPersonCan() {
		ApiKey key = key(null);
		key.deactivate(NOW, true);
		assertThatExceptionOfType(KeyRefusedException.class).isThrownBy(() -> key.reactivate(false));
		assertThat(key.isActive()).isFalse();
		assertThat(key.reactivate(true)).isTrue();
	}

	@Test
	void aKeyMayUndoWhatAKeyDid() {
		ApiKey key = key(null);
		key.deactivate(NOW, false);
		assertThat(key.reactivate(false)).isTrue();
	}

	@Test
	void onlyAPersonChangesScopes() {
		ApiKey key = key(null);
		Scopes readOnly = Scopes.parse(java.util.List.of("keys:read"), java.util.Set.of(), "scopes");
		assertThatExceptionOfType(KeyRefusedException.class).isThrownBy(() -> key.changeScopes(readOnly, false));
		assertThat(key.scopes()).isEqualTo(Scopes.ALL_BUILT_IN);
		assertThat(key.changeScopes(readOnly, true)).isTrue();
		assertThat(key.scopes()).isEqualTo(readOnly);
	}

	private static ApiKey key(Instant expiresAt) {
		return new ApiKey(1, "id", new TenantId(1), Environment.DEVELOPMENT, "CI pipeline", "key_3f9a",
				NOW.minusSeconds(3600), new ApiKey.Creator(new UserId(1), "Ada", "ada@example.com"), expiresAt, true,
				null, null, null, Scopes.ALL_BUILT_IN, false, null, IpAllowlist.ANYWHERE, null, null);
	}

}
