package dev.latchkey.account;

/**
 * A password that passed the policy for one user, already hashed. Only {@link Passwords#accept} makes one, so
 * no way of setting a password can skip the policy.
 */
public final class NewPassword {

	private final User user;

	private final String hash;

	NewPassword(User user, String hash) {
		this.user = user;
		this.hash = hash;
	}

	User user() {
		return this.user;
	}

	String hash() {
		return this.hash;
	}

}
