package dev.latchkey.account;

import java.time.Instant;

/**
 * One signed-in session of a user, as Settings → Account lists it.
 *
 * @param reference names the session in a sign-out request without giving away its id, which is the session cookie's
 * secret
 * @param browser as {@link Browser} describes the User-Agent of the sign-in
 * @param current whether it is the session of the request that asks
 */
public record SignedInSession(String reference, String browser, String clientIp, Instant signedInAt,
		Instant lastActiveAt, boolean current) {
}
