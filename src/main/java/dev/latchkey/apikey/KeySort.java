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
	 * every expiration read soonest first; a key never used comes after every use read most recent first. Where
	 * nulls go is spelled out for every column, as in the indexes (V70, V71): PostgreSQL and H2 put them at
	 * different ends by default, and an index serves an order only when they agree. The tenant, one value in any
	 * list, leads so that H2 recognises the index order (PostgreSQL knows it is a constant).
	 */
	String orderBy(boolean descending) {
		String id = descending ? "k.id desc nulls last" : "k.id asc nulls first";
		String column = switch (this) {
			case NAME -> descending ? "k.name_lower desc nulls last" : "k.name_lower asc nulls first";
			case CREATED -> descending ? "k.created_at desc nulls last" : "k.created_at asc nulls first";
			case EXPIRATION -> descending ? "k.expires_at desc nulls first" : "k.expires_at asc nulls last";
			case LAST_USED -> descending ? "k.last_used_at desc nulls last" : "k.last_used_at asc nulls first";
		};
		return "k.tenant_id, " + column + ", " + id;
	}

	/**
	 * The index H2 must read for this order. H2 picks the index of the foreign key to tenants (tenant_id alone) and
	 * sorts all of the tenant's keys unless told; PostgreSQL chooses well by itself and is told nothing.
	 */
	String h2Index(boolean descending) {
		return switch (this) {
			case NAME -> descending ? "api_keys_tenant_name_desc_idx" : "api_keys_tenant_name_idx";
			case CREATED -> descending ? "api_keys_tenant_created_idx" : "api_keys_tenant_created_asc_idx";
			case EXPIRATION -> descending ? "api_keys_tenant_expires_desc_idx" : "api_keys_tenant_expires_idx";
			case LAST_USED -> descending ? "api_keys_tenant_last_used_idx" : "api_keys_tenant_last_used_asc_idx";
		};
	}

}
