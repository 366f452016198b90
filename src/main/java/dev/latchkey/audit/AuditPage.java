package dev.latchkey.audit;

import java.util.List;

/** One page of the audit log, newest first, and where the next one starts ({@code null} on the last page). */
public record AuditPage(List<AuditEntry> events, AuditCursor next) {

}
