package dev.latchkey.member;

import java.io.Serializable;

/**
 * A checked invitation link, as the browser session carries it between showing the form and submitting it: only
 * the token's hash, so the token itself is stored nowhere.
 */
public record InvitationTicket(String tokenHash) implements Serializable {
}
