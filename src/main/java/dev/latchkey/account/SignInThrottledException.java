package dev.latchkey.account;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in attempt refused before its password was checked: too many failures from its client or for its
 * account, or too many password checks running at once. The user is asked to try again in a moment.
 */
public class SignInThrottledException extends AuthenticationException {

	SignInThrottledException(String message) {
		super(message);
	}

}
