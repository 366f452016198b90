package dev.latchkey.operator;

import java.util.List;

public record TenantPage(List<TenantSummary> tenants, int page, int size, long total) {

	public boolean hasMore() {
		return (long) (this.page + 1) * this.size < this.total;
	}

}
