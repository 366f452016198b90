package dev.latchkey.member;

/** Refused because the tenant would be left without an active Admin. */
public class LastAdminException extends RuntimeException {

	LastAdminException() {
		super("A tenant must keep at least one active Admin: make another member Admin first.");
	}

}
