package dev.latchkey.apikey;

import java.util.List;

/** One page of a tenant's keys, newest first. */
public record ApiKeyPage(List<ApiKey> keys, int page, int size, long total) {

	public boolean hasMore() {
		return (long) (this.page + 1) * this.size < this.total;
	}

}
