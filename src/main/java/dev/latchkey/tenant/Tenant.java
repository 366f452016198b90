package dev.latchkey.tenant;

import dev.latchkey.shared.TenantId;

/**
 * A customer organisation. Keys of a tenant without the production grant are development keys, as in a
 * trial phase. A suspended tenant's keys are refused and its members cannot sign in.
 */
public record Tenant(TenantId id, String name, boolean productionEnabled, boolean suspended) {
}
