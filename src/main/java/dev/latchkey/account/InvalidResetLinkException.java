package dev.latchkey.account;

/** A reset link that is unknown, used, expired or superseded: deliberately one case, so none can be told apart. */
public class InvalidResetLinkException extends RuntimeException {

	InvalidResetLinkException() {
		super("This password reset link is invalid, used or expired.");
	}

}
