package dev.latchkey.apikey;

import java.util.List;

/**
 * One page of a tenant's keys.
 *
 * @param total how many keys match, counted up to a bound (see {@link ApiKeys#COUNT_BOUND}): with a million keys an
 * exact count would read them all for every page
 * @param totalExact false when there are more keys than {@code total}
 * @param hasMore whether another page follows this one, known exactly whatever the count
 */
public record ApiKeyPage(List<ApiKey> keys, int page, int size, long total, boolean totalExact, boolean hasMore) {

	/** The last page there is, from 0: the page a request past the end is shown. */
	public int lastPage() {
		return (this.total == 0) ? 0 : (int) ((this.total - 1) / this.size);
	}

}
