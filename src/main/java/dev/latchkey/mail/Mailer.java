package dev.latchkey.mail;

/**
 * Sends email. Returns at once: delivery happens later, so how long it takes (or that it fails) never shows in
 * the response of the request that caused it.
 */
public interface Mailer {

	void send(Email email);

}
