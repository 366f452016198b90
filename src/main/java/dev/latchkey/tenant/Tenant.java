package dev.latchkey.tenant;

/**
 * A customer organisation. Keys of a tenant without the production grant are development keys, as in a
 * trial phase.
 */
public record Tenant(TenantId id, String name, boolean productionEnabled) {
}
