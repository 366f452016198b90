package dev.latchkey.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	private static final String EMAIL = "ada@example.com";

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void acceptsALongPassphraseWithSpaces() {
		assertThat(this.policy.violations("correct horse battery staple", EMAIL)).isEmpty();
	}

	@Test
	void refusesFourteenCharactersAndAcceptsFifteen() {
		assertThat(this.policy.violations("tangerine-bus1", EMAIL)).containsExactly(
				"Use at least 15 characters (this has 14).");
		assertThat(this.policy.violations("tangerine-bus12", EMAIL)).isEmpty();
	}

	@Test
	void countsCodePointsSoEmojiAreOneCharacterEach() {
		String fourteenEmoji = "🦊".repeat(14);
		assertThat(fourteenEmoji.length()).isEqualTo(28);
		assertThat(this.policy.violations(fourteenEmoji, EMAIL)).containsExactly(
				"Use at least 15 characters (this has 14).");
		assertThat(this.policy.violations("🦊".repeat(15), EMAIL)).isEmpty();
		assertThat(this.policy.violations("🦊".repeat(128), EMAIL)).isEmpty();
	}

	@Test
	void refusesMoreThan128CharactersInsteadOfTruncating() {
		assertThat(this.policy.violations("a quiet lake ".repeat(10), EMAIL)).containsExactly(
				"Use at most 128 characters (this has 130).");
		assertThat(this.policy.violations("🦊".repeat(129), EMAIL)).containsExactly(
				"Use at most 128 characters (this has 129).");
	}

	@Test
	void refusesCommonPasswordsRegardlessOfCase() {
		assertThat(this.policy.violations("passwordpassword", EMAIL)).containsExactly(
				"This password is too common: it appears in lists of breached passwords.");
		assertThat(this.policy.violations("QwertyuiopAsdfgh", EMAIL)).containsExactly(
				"This password is too common: it appears in lists of breached passwords.");
	}

	@Test
	void shipsAFewThousandCommonPasswords() {
		long entries = new java.io.BufferedReader(new java.io.InputStreamReader(
				getClass().getClassLoader().getResourceAsStream(PasswordPolicy.BLOCKLIST),
				java.nio.charset.StandardCharsets.UTF_8))
			.lines()
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.count();
		assertThat(entries).isBetween(2_000L, 20_000L);
	}

	@Test
	void refusesTheEmailAddressInAnyCase() {
		assertThat(this.policy.violations("Ada.Lovelace@Example.com", "ada.lovelace@example.com")).containsExactly(
				"Do not use your email address as your password.");
	}

	@Test
	void namesEveryRuleBroken() {
		assertThat(this.policy.violations("a@b.io", "A@B.IO")).containsExactly(
				"Use at least 15 characters (this has 6).", "Do not use your email address as your password.");
		assertThat(this.policy.violations("", EMAIL)).hasSize(1);
		assertThat(this.policy.violations(null, EMAIL)).hasSize(1);
	}

}
