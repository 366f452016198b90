package dev.latchkey.audit;

import java.time.Instant;

/** One recorded change, as shown in a key's detail view. */
public record AuditEvent(String action, String actor, Instant occurredAt, String clientIp) {
}
