package dev.latchkey.apikey;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyTokenTest {

	private final SecureRandom random = new SecureRandom();

	@Test
	void generatedTokensAreKeyUnderscoreFollowedBy48LowerCaseHexCharacters() {
		for (int i = 0; i < 100; i++) {
			String token = ApiKeyToken.generate(this.random);
			assertThat(token).matches("key_[0-9a-f]{48}");
			assertThat(ApiKeyToken.isWellFormed(token)).isTrue();
		}
	}

	@Test
	void theLastEightHexDigitsAreTheCrc32OfTheFortyBeforeThem() {
		// python3 -c "import zlib; print('%08x' % zlib.crc32(b'0123456789abcdef0123456789abcdef01234567'))"
		assertThat(ApiKeyToken.checksum("0123456789abcdef0123456789abcdef01234567")).isEqualTo("2a342d20");
		assertThat(ApiKeyToken.hasValidChecksum("key_0123456789abcdef0123456789abcdef012345672a342d20")).isTrue();
		assertThat(ApiKeyToken.hasValidChecksum("key_0123456789abcdef0123456789abcdef012345672a342d21")).isFalse();
		assertThat(ApiKeyToken.hasValidChecksum("key_1123456789abcdef0123456789abcdef012345672a342d20")).isFalse();
		for (int i = 0; i < 100; i++) {
			String token = ApiKeyToken.generate(this.random);
			assertThat(ApiKeyToken.hasValidChecksum(token)).isTrue();
			assertThat(token.substring(44)).isEqualTo(ApiKeyToken.checksum(token.substring(4, 44)));
			assertThat(token).containsPattern(ApiKeyToken.PATTERN);
		}
	}

	@Test
	void generatedTokensDoNotRepeat() {
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			tokens.add(ApiKeyToken.generate(this.random));
		}
		assertThat(tokens).hasSize(10_000);
	}

	@Test
	void prefixIsTheFirstEightCharacters() {
		assertThat(ApiKeyToken.prefix("key_3f9a0123456789abcdef0123456789abcdef0123456789ab")).isEqualTo("key_3f9a");
	}

	@Test
	void hashIsTheSha256OfTheWholeTokenInHex() {
		// printf %s key_000000000000000000000000000000000000000000000000 | sha256sum
		assertThat(ApiKeyToken.hash("key_000000000000000000000000000000000000000000000000"))
			.isEqualTo("179ab5c5bff975611ec6d5977ed14a004dccc1c2efecf3825370a789c71bc6ae");
		assertThat(ApiKeyToken.hash("key_a")).isNotEqualTo(ApiKeyToken.hash("key_b"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "key_", "key_0123456789abcdef0123456789abcdef0123456789abcde",
			"key_0123456789abcdef0123456789abcdef0123456789abcdef0",
			"key_0123456789ABCDEF0123456789abcdef0123456789abcdef",
			"key_0123456789abcdef 123456789abcdef0123456789abcdef",
			" key_0123456789abcdef0123456789abcdef0123456789abcdef",
			"KEY_0123456789abcdef0123456789abcdef0123456789abcdef",
			"kex_0123456789abcdef0123456789abcdef0123456789abcdef",
			"key_0123456789abcdef0123456789abcdef0123456789abcdeg",
			"key_0123456789abcdef0123456789abcdef0123456789abcdeé",
			"Bearer key_0123456789abcdef0123456789abcdef0123456789abcdef" })
	void malformedValuesAreNotTokens(String candidate) {
		assertThat(ApiKeyToken.isWellFormed(candidate)).isFalse();
	}

	@Test
	void nullIsNotAToken() {
		assertThat(ApiKeyToken.isWellFormed(null)).isFalse();
	}

}
