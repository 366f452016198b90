package dev.latchkey.account;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.latchkey.InvalidInputException;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.shared.Actor;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Settings → Account: what every signed-in user may change about themselves, and their sessions. Each call names
 * the user by the signed-in principal, so nobody can act on another user's account through it.
 */
@Service
public class AccountService {

	static final int MAX_DISPLAY_NAME_LENGTH = 100;

	private final Users users;

	private final Passwords passwords;

	private final PasswordEncoder encoder;

	private final SignInThrottle signInThrottle;

	private final UserSessions sessions;

	private final AuditLog audit;

	private final Clock clock;

	AccountService(Users users, Passwords passwords, PasswordEncoder encoder, SignInThrottle signInThrottle,
			UserSessions sessions, AuditLog audit, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.encoder = encoder;
		this.signInThrottle = signInThrottle;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @return the principal to keep in the session from now on, with the new name
	 * @throws InvalidInputException on field {@code displayName} if it is blank or too long
	 */
	public SignedInUser rename(SignedInUser user, String displayName, String clientIp) {
		String name = (displayName != null) ? displayName.strip() : "";
		if (name.isEmpty()) {
			throw new InvalidInputException("displayName", "Enter your name.");
		}
		if (name.length() > MAX_DISPLAY_NAME_LENGTH) {
			throw new InvalidInputException("displayName",
					"Use at most " + MAX_DISPLAY_NAME_LENGTH + " characters.");
		}
		this.users.updateDisplayName(user.id(), name);
		this.audit.record(actor(user, clientIp), "display_name_changed", null, this.clock.instant());
		return principal(find(user));
	}

	/**
	 * Changes the password of a user who knows the current one. Every other session of the user ends, a notice is
	 * emailed and an audit event recorded. A wrong current password counts as a failed sign-in, and while sign-in
	 * is throttled for the account from that address the change is refused too, so this form cannot be used to guess faster.
	 * @param currentSessionId the session that asks, which stays signed in
	 * @throws PasswordRejectedException naming each field: {@code currentPassword}, {@code newPassword},
	 * {@code confirmation}
	 */
	public void changePassword(SignedInUser signedIn, String currentPassword, String newPassword, String confirmation,
			String clientIp, String currentSessionId) {
		User user = find(signedIn);
		if (isThrottled(user, clientIp)) {
			throw new PasswordRejectedException(Map.of("currentPassword",
					List.of("Too many wrong passwords for this account. Try again in a few minutes.")));
		}
		if (currentPassword == null || currentPassword.isEmpty()
				|| !this.encoder.matches(currentPassword, user.passwordHash())) {
			countFailedSignIn(user, clientIp);
			throw new PasswordRejectedException(
					Map.of("currentPassword", List.of("This is not your current password.")));
		}
		NewPassword accepted = this.passwords.accept(user, newPassword, confirmation, "newPassword");
		this.passwords.set(accepted, PasswordChange.CHANGE, clientIp, currentSessionId);
	}

	/** The user's sessions, the current one first. */
	public List<SignedInSession> sessions(SignedInUser user, String currentSessionId) {
		return this.sessions.list(find(user), currentSessionId);
	}

	/** @return whether a session of the user ended; never the current one */
	public boolean signOut(SignedInUser user, String sessionReference, String currentSessionId, String clientIp) {
		boolean ended = this.sessions.end(find(user), sessionReference, currentSessionId);
		if (ended) {
			this.audit.record(actor(user, clientIp), "session_signed_out", null, this.clock.instant());
		}
		return ended;
	}

	/** @return how many sessions ended */
	public int signOutOthers(SignedInUser user, String currentSessionId, String clientIp) {
		int ended = this.sessions.endAll(find(user), currentSessionId);
		if (ended > 0) {
			this.audit.record(actor(user, clientIp), "other_sessions_signed_out", null, this.clock.instant());
		}
		return ended;
	}

	/** Sign-in throttling, in one place: the only two calls this service makes to it. */
	private boolean isThrottled(User user, String clientIp) {
		return this.signInThrottle.throttled(user.email(), clientIp);
	}

	private void countFailedSignIn(User user, String clientIp) {
		this.signInThrottle.failed(user.email(), clientIp);
	}

	private User find(SignedInUser user) {
		return this.users.find(user.id()).orElseThrow(() -> new IllegalStateException("Signed-in user is gone"));
	}

	private static SignedInUser principal(User user) {
		SignedInUser principal = new SignedInUser(user);
		principal.eraseCredentials();
		return principal;
	}

	private static Actor actor(SignedInUser user, String clientIp) {
		return Actor.user(user.tenantId(), user.id(), clientIp);
	}

}
