package dev.latchkey.apikey;

import dev.latchkey.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeyNameTest {

	@Test
	void namesAreTrimmed() {
		assertThat(KeyName.check("  CI pipeline \t")).isEqualTo("CI pipeline");
	}

	@Test
	void aNameOf128CharactersIsAcceptedAnd129Refused() {
		assertThat(KeyName.check("a".repeat(128))).hasSize(128);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> KeyName.check("a".repeat(129)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("name"));
	}

	@Test
	void lengthCountsCharactersNotUtf16Units() {
		assertThat(KeyName.check("🔑".repeat(128))).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\t\n" })
	void blankNamesAreRefused(String name) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> KeyName.check(name))
			.withMessage("name is required");
	}

	@Test
	void controlCharactersAreRefused() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> KeyName.check("CI\u0000pipeline"))
			.withMessageContaining("control characters");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> KeyName.check("CI\npipeline"));
	}

	@Test
	void missingNameIsRefused() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> KeyName.check(null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "invoice\u202Etxt.exe", "a\u202Ab", "a\u2066b", "a\u2069", "zero\u200Bwidth",
			"joiner\u200D", "word\u2060joiner", "bom\uFEFF" })
	void directionOverridesAndInvisibleCharactersAreRefused(String name) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> KeyName.check(name))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("name"))
			.withMessageStartingWith("name must not contain");
	}

	@Test
	void namesAreNfcNormalised() {
		assertThat(KeyName.check(" Cafe\u0301 ")).isEqualTo("Caf\u00e9");
	}

}
