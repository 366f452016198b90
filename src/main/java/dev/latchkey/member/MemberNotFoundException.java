package dev.latchkey.member;

/** No such member in the acting tenant: the same answer whether it is in another tenant or nowhere. */
public class MemberNotFoundException extends RuntimeException {

	MemberNotFoundException() {
		super("No such member");
	}

}
