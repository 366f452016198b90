package dev.latchkey.apikey.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dev.latchkey.apikey.Environment;
import dev.latchkey.apikey.KeyListQuery;
import dev.latchkey.apikey.KeySort;
import dev.latchkey.apikey.KeyStatus;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the key list shows, as its URL says it ({@code ?q=ci&status=expired&env=production&sort=name&dir=desc&page=2}):
 * bookmarkable, and every link of the page (sort headers, pages) is built from it. A value the page does not know
 * (an old bookmark, a typo, a tampered link) falls back to the default rather than failing the page; defaults are
 * left out of the URL. Pages count from 1 here (the API's count from 0).
 *
 * @param q the search as the page shows it: never a whole token (see {@link #showingSearch})
 * @param status {@code null} for all
 * @param environment {@code null} for both, and always when the tenant has no production access
 */
record KeyListParameters(String q, KeyStatus status, Environment environment, KeySort sort, boolean descending,
		int page) {

	static final String PATH = "/settings/api-credentials";

	static KeyListParameters parse(String q, String status, String environment, String sort, String direction,
			String page, boolean production) {
		KeySort order = Arrays.stream(KeySort.values())
			.filter((candidate) -> candidate.parameter().equals(lower(sort)))
			.findFirst()
			.orElse(KeySort.CREATED);
		String dir = lower(direction);
		boolean descending = dir.equals("asc") ? false : dir.equals("desc") || order.descendingFirst();
		return new KeyListParameters((q != null) ? q.strip() : "", status(status),
				production ? environment(environment).orElse(null) : null, order, descending, page(page));
	}

	KeyListQuery toQuery(int size) {
		return new KeyListQuery(this.q, this.status, this.environment, this.sort, this.descending, this.page - 1, size);
	}

	/** The same list showing another search: the key's prefix for a token, so the token is never in the page. */
	KeyListParameters showingSearch(String shown) {
		return new KeyListParameters(shown, this.status, this.environment, this.sort, this.descending, this.page);
	}

	KeyListParameters onPage(int page) {
		return new KeyListParameters(this.q, this.status, this.environment, this.sort, this.descending, page);
	}

	// --- for the template ---

	public String url() {
		return url(this.q, this.status, this.environment, this.sort, this.descending, this.page);
	}

	/** The list on another page, from 1. */
	public String pageUrl(int page) {
		return url(this.q, this.status, this.environment, this.sort, this.descending, page);
	}

	/** What a click on a column's header shows: that column in its first direction, or the other one if sorted by it. */
	public String sortUrl(String column) {
		KeySort order = sortOf(column);
		boolean descending = (order == this.sort) ? !this.descending : order.descendingFirst();
		return url(this.q, this.status, this.environment, order, descending, 1);
	}

	/** For {@code aria-sort}: "ascending", "descending", or "none" for the columns not sorted by. */
	public String ariaSort(String column) {
		if (sortOf(column) != this.sort) {
			return "none";
		}
		return this.descending ? "descending" : "ascending";
	}

	public String statusValue() {
		return (this.status != null) ? this.status.name().toLowerCase(Locale.ROOT) : "all";
	}

	public String environmentValue() {
		return (this.environment != null) ? this.environment.value() : "all";
	}

	public String sortValue() {
		return this.sort.parameter();
	}

	public String directionValue() {
		return this.descending ? "desc" : "asc";
	}

	/** Whether anything narrows the list, so "no keys" means "none match" rather than "none yet". */
	public boolean filtered() {
		return !this.q.isEmpty() || this.status != null || this.environment != null;
	}

	private static KeySort sortOf(String column) {
		return Arrays.stream(KeySort.values())
			.filter((candidate) -> candidate.parameter().equals(column))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No column " + column));
	}

	private static String url(String q, KeyStatus status, Environment environment, KeySort sort, boolean descending,
			int page) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(PATH);
		if (!q.isEmpty()) {
			url.queryParam("q", q);
		}
		if (status != null) {
			url.queryParam("status", status.name().toLowerCase(Locale.ROOT));
		}
		if (environment != null) {
			url.queryParam("env", environment.value());
		}
		if (sort != KeySort.CREATED || !descending) {
			url.queryParam("sort", sort.parameter());
			if (descending != sort.descendingFirst()) {
				url.queryParam("dir", descending ? "desc" : "asc");
			}
		}
		if (page > 1) {
			url.queryParam("page", page);
		}
		return url.encode().build().toUriString();
	}

	private static KeyStatus status(String value) {
		return Arrays.stream(KeyStatus.values())
			.filter((status) -> status.name().toLowerCase(Locale.ROOT).equals(lower(value)))
			.findFirst()
			.orElse(null);
	}

	private static Optional<Environment> environment(String value) {
		return Arrays.stream(Environment.values()).filter((env) -> env.value().equals(lower(value))).findFirst();
	}

	/** From 1; anything else (0, -3, "two", 10 digits) is the first page. */
	private static int page(String value) {
		try {
			int page = Integer.parseInt((value != null) ? value.strip() : "");
			return Math.max(page, 1);
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static String lower(String value) {
		return (value != null) ? value.strip().toLowerCase(Locale.ROOT) : "";
	}

}
