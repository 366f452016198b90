package dev.latchkey.tenant;

import dev.latchkey.shared.TenantId;

/**
 * Published inside the transaction that grants or revokes a tenant's production access or suspends or resumes it:
 * every key of the tenant may now authenticate differently, so the key caches of every instance must forget them.
 */
public record TenantAccessChanged(TenantId tenantId) {
}
