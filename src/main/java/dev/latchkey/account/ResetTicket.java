package dev.latchkey.account;

import java.io.Serializable;

/**
 * A checked reset link, as the browser session carries it between showing the form and submitting it. It holds
 * only the token's hash, so the token itself is stored nowhere, not even in the session table.
 */
public record ResetTicket(String tokenHash) implements Serializable {
}
