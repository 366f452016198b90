package dev.latchkey.account;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.latchkey.audit.AuditLog;
import dev.latchkey.link.EmailLinks;
import dev.latchkey.link.LinkPurpose;
import dev.latchkey.shared.Actor;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets a user's password, whatever the way (reset link, change password, accepting an invitation), in two steps:
 * {@link #accept} checks the policy and hashes, outside any transaction (hashing is deliberately slow);
 * {@link #set} stores it with everything that must go with it: outstanding reset links are voided, an audit
 * event is recorded and, once committed, sessions end and a notice is emailed.
 */
@Service
public class Passwords {

	private static final Logger log = LoggerFactory.getLogger(Passwords.class);

	private final Users users;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final EmailLinks links;

	private final UserSessions sessions;

	private final SignInThrottle signInThrottle;

	private final AuditLog audit;

	private final PasswordNotice notice;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Passwords(Users users, PasswordPolicy policy, PasswordEncoder encoder, EmailLinks links, UserSessions sessions,
			SignInThrottle signInThrottle, AuditLog audit, PasswordNotice notice, TransactionTemplate transaction,
			Clock clock) {
		this.users = users;
		this.policy = policy;
		this.encoder = encoder;
		this.links = links;
		this.sessions = sessions;
		this.signInThrottle = signInThrottle;
		this.audit = audit;
		this.notice = notice;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Checks a new password, typed twice, against the policy for this user, and hashes it.
	 * @param field the form field the password was typed in, to name it in the problems
	 * @throws PasswordRejectedException listing every rule it breaks, by field ({@code field} and
	 * {@code confirmation})
	 */
	public NewPassword accept(User user, String password, String confirmation, String field) {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		List<String> violations = this.policy.violations(password, user.email());
		if (!violations.isEmpty()) {
			problems.put(field, violations);
		}
		if (password == null || !password.equals(confirmation)) {
			problems.put("confirmation", List.of("The two passwords do not match."));
		}
		if (!problems.isEmpty()) {
			throw new PasswordRejectedException(problems);
		}
		return new NewPassword(user, this.encoder.encode(password));
	}

	/**
	 * Stores the password, in the caller's transaction if there is one (so that, for example, consuming a link
	 * and setting the password happen together). Once committed, the user's sessions end (all but
	 * {@code keepSessionId}) and, where {@code why} asks for it, the notice email is sent.
	 * @param keepSessionId the session that changed the password, to keep it signed in; {@code null} ends all
	 */
	public void set(NewPassword password, PasswordChange why, String clientIp, String keepSessionId) {
		User user = password.user();
		Instant now = this.clock.instant();
		this.transaction.executeWithoutResult((status) -> {
			this.users.updatePasswordHash(user.id(), password.hash());
			// No way of changing a password may leave an older reset link working.
			this.links.revoke(LinkPurpose.PASSWORD_RESET, user.id().value());
			if (why == PasswordChange.RESET) {
				// Whoever proved they read the account's email may sign in at once, even if it was locked out, and an
				// invited member who reset instead of following the invitation has accepted it the same way.
				this.signInThrottle.succeeded(user.email());
				if (user.invited()) {
					this.users.markInvitationAccepted(user.id());
				}
			}
			this.audit.record(Actor.user(user.tenantId(), user.id(), clientIp), why.auditAction(), null, now);
			afterCommit(() -> {
				int ended = this.sessions.endAll(user, keepSessionId);
				log.info("Password of user {} set ({}); {} sessions ended", user.id().value(), why, ended);
				if (why.sendsNotice()) {
					this.notice.send(user, now, keepSessionId != null);
				}
			});
		});
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

}
