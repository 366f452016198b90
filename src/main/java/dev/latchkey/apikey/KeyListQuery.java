package dev.latchkey.apikey;

/**
 * Which of a tenant's keys to list, in which order, and which page of them.
 *
 * @param search a name's start or a key prefix (case-insensitive), a whole token (found by its hash), or
 * {@code null} for every key
 * @param status {@code null} for every status; otherwise the status the list shows for the key now (see
 * {@link ApiKey#statusAt}): an expired key is Expired, whether or not it was also deactivated
 * @param environment {@code null} for both environments
 * @param page from 0
 */
public record KeyListQuery(String search, KeyStatus status, Environment environment, KeySort sort,
		boolean descending, int page, int size) {

	public KeyListQuery {
		if (sort == null) {
			sort = KeySort.CREATED;
			descending = true;
		}
	}

	/** The newest keys first, optionally searched: the API's list and the dashboard's default. */
	public static KeyListQuery newestFirst(String search, int page, int size) {
		return new KeyListQuery(search, null, null, KeySort.CREATED, true, page, size);
	}

	public KeyListQuery withPage(int page) {
		return new KeyListQuery(this.search, this.status, this.environment, this.sort, this.descending, page, this.size);
	}

	/** Whether the search is a whole token, which is looked up by its hash and never compared as text. */
	public boolean searchesToken() {
		return this.search != null && ApiKeyToken.isWellFormed(this.search.strip());
	}

}
