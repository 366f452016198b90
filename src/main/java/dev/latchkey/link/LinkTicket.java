package dev.latchkey.link;

import java.io.Serializable;

/**
 * A checked link, as a browser session may carry it between showing a form and submitting it. It holds only the
 * token's hash, so the token itself is stored nowhere, not even in the session table. Obtained from
 * {@link EmailLinks#check}; it proves nothing by itself: {@link EmailLinks#subject} and {@link EmailLinks#consume}
 * look again.
 */
public record LinkTicket(LinkPurpose purpose, String tokenHash) implements Serializable {
}
