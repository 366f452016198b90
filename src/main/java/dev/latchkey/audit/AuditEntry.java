package dev.latchkey.audit;

import java.time.Instant;

/**
 * One event as the audit log shows it.
 *
 * @param actor who acted: a member (name and email), an operator, a key's prefix, the email as typed for a sign-in,
 * or "Latchkey" when nobody did (a leak report)
 * @param target what it was done to: a key (name and prefix), a member, the tenant, or empty
 * @param targetKeyId the public id of the key it concerns, for a link to its detail view (which also shows deleted
 * keys), else {@code null}
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String target, String targetKeyId,
		boolean targetKeyDeleted, String ip) {

	public AuditCursor cursor() {
		return new AuditCursor(this.occurredAt, this.id);
	}

}
