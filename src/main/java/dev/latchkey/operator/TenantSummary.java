package dev.latchkey.operator;

import java.time.Instant;

import dev.latchkey.shared.TenantId;

/** A tenant as operators see it: its state and sizes, never its keys' names or tokens. */
public record TenantSummary(TenantId id, String name, boolean productionGranted, boolean suspended, long members,
		long activeKeys, Instant created) {

	TenantSummary withActiveKeys(long count) {
		return new TenantSummary(this.id, this.name, this.productionGranted, this.suspended, this.members, count,
				this.created);
	}

}
