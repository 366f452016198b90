package dev.latchkey.apikey.web;

import java.time.Duration;
import java.time.Instant;

import dev.latchkey.InvalidInputException;
import dev.latchkey.apikey.NewApiKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CreateKeyFormTest {

	static final Instant NOW = Instant.parse("2030-01-31T10:15:30Z");

	@Test
	void presetsCountFromNow() {
		assertThat(expiresAt("never")).isNull();
		assertThat(expiresAt("7d")).isEqualTo(NOW.plus(Duration.ofDays(7)));
		assertThat(expiresAt("30d")).isEqualTo(NOW.plus(Duration.ofDays(30)));
		assertThat(expiresAt("60d")).isEqualTo(NOW.plus(Duration.ofDays(60)));
		assertThat(expiresAt("90d")).isEqualTo(NOW.plus(Duration.ofDays(90)));
		assertThat(expiresAt("1y")).isEqualTo(Instant.parse("2031-01-31T10:15:30Z"));
	}

	@Test
	void aCustomDateEndsAtMidnightUtcOfThatDate() {
		NewApiKey key = new CreateKeyForm("CI", "custom", "2030-03-01", "production", null, null, null).toNewApiKey(NOW);
		assertThat(key.expiresAt()).isEqualTo(Instant.parse("2030-03-01T00:00:00Z"));
		assertThat(key.name()).isEqualTo("CI");
		assertThat(key.environment()).isEqualTo("production");
	}

	@Test
	void aMissingOrMalformedCustomDateIsReportedOnTheDateField() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> new CreateKeyForm("CI", "custom", "", null, null, null, null).toNewApiKey(NOW))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("customDate"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> new CreateKeyForm("CI", "custom", "31/01/2030", null, null, null, null).toNewApiKey(NOW))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("customDate"));
	}

	@Test
	void anUnknownPresetIsReportedOnTheExpirationField() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> new CreateKeyForm("CI", "forever", null, null, null, null, null).toNewApiKey(NOW))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("expiration"));
	}

	@Test
	void theServicesExpiryComplaintGoesNextToTheFieldTheUserChose() {
		assertThat(new CreateKeyForm("CI", "custom", "2001-01-01", null, null, null, null).fieldFor("expires_at")).isEqualTo("customDate");
		assertThat(new CreateKeyForm("CI", "7d", null, null, null, null, null).fieldFor("expires_at")).isEqualTo("expiration");
		assertThat(new CreateKeyForm("CI", "7d", null, null, null, null, null).fieldFor("name")).isEqualTo("name");
	}

	@Test
	void fullAccessIsEveryBuiltInScopeAndRestrictedIsWhatIsTicked() {
		assertThat(new CreateKeyForm("CI", "never", null, null, "full", java.util.List.of("keys:read"), null).toNewApiKey(NOW)
			.scopes()).containsExactly("keys:read", "keys:write", "keys:verify");
		assertThat(new CreateKeyForm("CI", "never", null, null, "restricted", java.util.List.of("keys:verify"), null)
			.toNewApiKey(NOW)
			.scopes()).containsExactly("keys:verify");
		assertThat(new CreateKeyForm("CI", "never", null, null, "restricted", null, null).toNewApiKey(NOW).scopes()).isEmpty();
		assertThat(CreateKeyForm.empty().fullAccess()).isFalse();
		assertThat(CreateKeyForm.empty().scopes()).containsExactly("keys:read");
	}

	private static Instant expiresAt(String preset) {
		return new CreateKeyForm("CI", preset, null, null, null, null, null).toNewApiKey(NOW).expiresAt();
	}

}
