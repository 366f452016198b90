package dev.latchkey.apikey;

/**
 * The orders the key list can be read in, each with the direction a click on its column header starts with (the
 * order its index is kept in, see V70 and V71). Keys equal in the column follow by their internal id, so a page
 * never shows a key twice or skips one.
 */
public enum KeySort {

	NAME("name", false), CREATED("created", true), EXPIRATION("expiration", false), LAST_USED("last-used", true);

	private final String parameter;

	private final boolean descendingFirst;

	KeySort(String parameter, boolean descendingFirst) {
		this.parameter = parameter;
		this.descendingFirst = descendingFirst;
	}

	/** How the order is named in a URL ({@code ?sort=last-used}). */
	public String parameter() {
		return this.parameter;
	}

	/** Newest, most recently used first; names from A, expirations soonest first. */
	public boolean descendingFirst() {
		return this.descendingFirst;
	}

	/**
	 * The SQL order, over the columns of {@code api_keys} as alias {@code k}. A key that never expires comes after
	 * every expiration read soonest first; a key never used comes after every use read most recent first.
	 */
	String orderBy(boolean descending) {
		String direction = descending ? "desc" : "asc";
		return switch (this) {
			case NAME -> "k.name_lower " + direction + ", k.id " + direction;
			case CREATED -> "k.created_at " + direction + ", k.id " + direction;
			case EXPIRATION -> "k.expires_at " + direction + (descending ? " nulls first" : " nulls last") + ", k.id "
					+ direction;
			case LAST_USED -> "k.last_used_at " + direction + (descending ? " nulls last" : " nulls first") + ", k.id "
					+ direction;
		};
	}

}
