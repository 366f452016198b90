package dev.latchkey.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The dashboard's sign-in check: the usual email and password check, refused outright while the account is
 * throttled. Every refusal, whatever its reason, reaches the user as the same generic message.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledSignIn(AccountUserDetailsService users, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(passwordEncoder);
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
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = authentication.getName();
		if (email == null || email.isBlank()) {
			throw new BadCredentialsException("No email given");
		}
		var locked = this.throttle.lockedUntil(email);
		if (locked.isPresent()) {
			throw new LockedException("Too many failed sign-ins; locked until " + locked.get());
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.succeeded(email);
			return result;
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(email);
			if (this.throttle.lockedUntil(email).isPresent()) {
				log.warn("Too many failed sign-ins for one account: further attempts are refused for a while");
			}
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
