package dev.latchkey.account;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.latchkey.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The dashboard's sign-in check: the usual email and password check, refused without hashing while the client is
 * throttled, and never more hashes at once than the machine has processors. Every attempt is audited; every
 * refusal reaches the user as one of two generic messages, neither telling whether the account exists.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	private final Users users;

	private final AuditLog audit;

	private final Clock clock;

	/**
	 * Argon2 costs memory and CPU on purpose: hashes beyond these permits would only queue up until every request
	 * timed out, so the overflow is answered at once instead.
	 */
	private final Semaphore hashing;

	private final long hashWaitMillis;

	ThrottledSignIn(AccountUserDetailsService accounts, PasswordEncoder passwordEncoder, SignInThrottle throttle,
			Users users, AuditLog audit, SignInThrottleProperties properties, Clock clock) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(passwordEncoder);
		// an older hash (bcrypt, or Argon2 with lower costs) is replaced at the next successful sign-in
		this.passwords.setUserDetailsPasswordService(accounts);
		// Checked after the password, not before: a disabled account then costs the same hash as any other
		// attempt, so its answer is not measurably faster than a wrong password's.
		this.passwords.setPreAuthenticationChecks((user) -> {
		});
		this.passwords.setPostAuthenticationChecks((user) -> {
			if (!user.isEnabled()) {
				throw new DisabledException("Account disabled");
			}
		});
		this.throttle = throttle;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.hashing = new Semaphore(properties.hashPermits());
		this.hashWaitMillis = properties.hashWait().toMillis();
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = authentication.getName();
		SignInClient client = (authentication.getDetails() instanceof SignInClient details) ? details
				: new SignInClient(null, null);
		if (email == null || email.isBlank()) {
			throw new BadCredentialsException("No email given");
		}
		if (this.throttle.throttled(email, client.ip())) {
			audit("sign_in_throttled", email, client);
			throw new SignInThrottledException("Too many failed sign-ins from this client or for this account");
		}
		if (!acquireHashPermit()) {
			log.debug("Sign-in refused: every password-hashing permit is in use");
			throw new SignInThrottledException("Too many sign-ins at once");
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.succeeded(email, client.ip());
			audit("sign_in_succeeded", email, client);
			return result;
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(email, client.ip());
			audit("sign_in_failed", email, client);
			throw ex;
		}
		finally {
			this.hashing.release();
		}
	}

	private boolean acquireHashPermit() {
		try {
			return this.hashing.tryAcquire(this.hashWaitMillis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void audit(String action, String email, SignInClient client) {
		Optional<User> user = this.users.findByEmail(email);
		this.audit.recordSignIn(action, user.map(User::tenantId).orElse(null), user.map(User::id).orElse(null), email,
				client.ip(), client.userAgent(), this.clock.instant());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
