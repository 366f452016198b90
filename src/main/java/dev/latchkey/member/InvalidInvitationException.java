package dev.latchkey.member;

/** An invitation link that is unknown, used, expired, revoked or superseded: one case, none told apart. */
public class InvalidInvitationException extends RuntimeException {

	InvalidInvitationException() {
		super("This invitation link is invalid, used or expired.");
	}

}
