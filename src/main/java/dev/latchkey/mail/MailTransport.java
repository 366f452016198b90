package dev.latchkey.mail;

/** Hands one email over for delivery, or throws. */
interface MailTransport {

	void deliver(Email email) throws Exception;

}
