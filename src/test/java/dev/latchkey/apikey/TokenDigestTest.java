package dev.latchkey.apikey;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenDigestTest {

	private final SecureRandom random = new SecureRandom();

	@Test
	void isTheHashTheDatabaseStoresReadBothWays() {
		for (int i = 0; i < 100; i++) {
			String token = ApiKeyToken.generate(this.random);
			TokenDigest digest = TokenDigest.of(token);

			assertThat(digest.hex()).isEqualTo(ApiKeyToken.hash(token));
			assertThat(TokenDigest.ofHex(ApiKeyToken.hash(token))).isEqualTo(digest).hasSameHashCodeAs(digest);
			assertThat(TokenDigest.ofHex(ApiKeyToken.hash(token).toUpperCase())).isEqualTo(digest);
		}
	}

	@Test
	void knownValue() {
		// printf 'key_0123456789abcdef0123456789abcdef012345672a342d20' | sha256sum
		TokenDigest digest = TokenDigest.of("key_0123456789abcdef0123456789abcdef012345672a342d20");

		assertThat(digest.hex()).isEqualTo("b4e47e6a71266ef7443eec117d76e9a039b5256a4f163c999b6c1e046801e97d")
			.isEqualTo(ApiKeyToken.hash("key_0123456789abcdef0123456789abcdef012345672a342d20"));
		assertThat(digest.a()).isEqualTo(Long.parseUnsignedLong("b4e47e6a71266ef7", 16));
		assertThat(digest.d()).isEqualTo(Long.parseUnsignedLong("9b6c1e046801e97d", 16));
	}

	@Test
	void tokensThatDifferOnlyInTheLastPartsAreTold() {
		TokenDigest one = new TokenDigest(1, 2, 3, 4);

		assertThat(one).isNotEqualTo(new TokenDigest(1, 2, 3, 5)).isNotEqualTo(new TokenDigest(1, 9, 3, 4));
		assertThat(one.compareTo(new TokenDigest(1, 2, 3, 5))).isNegative();
		assertThat(one.compareTo(new TokenDigest(1, 2, -1, 0))).as("unsigned").isNegative();
		assertThat(one.compareTo(new TokenDigest(1, 2, 3, 4))).isZero();
	}

	@Test
	void manyDigestsWithTheSameHashCodeAreStillFoundInAMap() {
		// what a client could produce by trying tokens: a map bin of equal hash codes becomes an ordered tree
		Map<TokenDigest, Integer> map = new HashMap<>();
		List<TokenDigest> digests = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			TokenDigest digest = new TokenDigest(42, this.random.nextLong(), i, this.random.nextLong());
			digests.add(digest);
			map.put(digest, i);
		}

		for (int i = 0; i < digests.size(); i++) {
			assertThat(map.get(digests.get(i))).isEqualTo(i);
		}
		assertThat(map.get(new TokenDigest(42, 0, -1, 0))).isNull();
	}

	@Test
	void showsNoMoreThanTheFirstSixteenHexDigits() {
		String token = ApiKeyToken.generate(this.random);

		assertThat(TokenDigest.of(token).toString()).doesNotContain(ApiKeyToken.hash(token))
			.contains(ApiKeyToken.hash(token).substring(0, 16))
			.doesNotContain(ApiKeyToken.hash(token).substring(16, 32));
	}

}
