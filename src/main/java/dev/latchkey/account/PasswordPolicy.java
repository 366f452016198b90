package dev.latchkey.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The one password policy, applied wherever a password is set (NIST SP 800-63B, OWASP ASVS): long enough, not
 * too long to hash, not a known common password, not the email address. No composition rules: a passphrase
 * with spaces or emoji is as good as any. Length counts Unicode code points, so an emoji is one character, and
 * nothing is ever truncated.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 15;

	public static final int MAX_LENGTH = 128;

	static final String BLOCKLIST = "account/common-passwords.txt";

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load(BLOCKLIST);
	}

	/**
	 * @param email the address of the account the password is for
	 * @return every rule the password breaks, as a sentence to show next to the field; empty if it is acceptable
	 */
	public List<String> violations(String password, String email) {
		List<String> violations = new ArrayList<>();
		String candidate = (password != null) ? password : "";
		int length = candidate.codePointCount(0, candidate.length());
		if (length < MIN_LENGTH) {
			violations.add("Use at least " + MIN_LENGTH + " characters (this has " + length + ").");
		}
		if (length > MAX_LENGTH) {
			violations.add("Use at most " + MAX_LENGTH + " characters (this has " + length + ").");
		}
		if (this.common.contains(candidate.toLowerCase(Locale.ROOT))) {
			violations.add("This password is too common: it appears in lists of breached passwords.");
		}
		if (email != null && !email.isBlank() && candidate.trim().equalsIgnoreCase(email.trim())) {
			violations.add("Do not use your email address as your password.");
		}
		return List.copyOf(violations);
	}

	private static Set<String> load(String location) {
		Set<String> passwords = new HashSet<>();
		var resource = new ClassPathResource(location);
		try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isEmpty() && !line.startsWith("#")) {
					passwords.add(line.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the common-password list " + location, ex);
		}
		if (passwords.isEmpty()) {
			throw new IllegalStateException("The common-password list " + location + " is empty");
		}
		return Set.copyOf(passwords);
	}

}
