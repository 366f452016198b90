package dev.latchkey.apikey;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.latchkey.InvalidInputException;

/**
 * What a key may do: built-in scopes that the API checks, and names a tenant defines for its own services to read
 * through the verify endpoint. Sorted, so a key's scopes always read the same.
 */
public final class Scopes {

	public static final String KEYS_READ = "keys:read";

	public static final String KEYS_WRITE = "keys:write";

	public static final String KEYS_VERIFY = "keys:verify";

	/** In the order the dashboard lists them. */
	public static final List<String> BUILT_IN = List.of(KEYS_READ, KEYS_WRITE, KEYS_VERIFY);

	public static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_.:-]{0,63}$");

	public static final Scopes ALL_BUILT_IN = new Scopes(BUILT_IN);

	private final Set<String> names;

	private Scopes(Collection<String> names) {
		this.names = Collections.unmodifiableSet(new TreeSet<>(names));
	}

	/**
	 * A client's choice, checked against the built-in scopes and the tenant's own.
	 * @param field the field a complaint names
	 */
	public static Scopes parse(Collection<String> requested, Set<String> tenantScopes, String field) {
		if (requested == null) {
			throw new InvalidInputException(field, field + " is required");
		}
		for (String name : requested) {
			if (name == null || !(BUILT_IN.contains(name) || tenantScopes.contains(name))) {
				throw new InvalidInputException(field, "unknown scope " + describe(name) + "; known scopes: "
						+ String.join(", ", known(tenantScopes)));
			}
		}
		return new Scopes(requested);
	}

	/** Every scope a tenant's keys may hold: the built-in ones first, then the tenant's own in order. */
	public static List<String> known(Set<String> tenantScopes) {
		var all = new java.util.ArrayList<>(BUILT_IN);
		new TreeSet<>(tenantScopes).stream().filter((name) -> !BUILT_IN.contains(name)).forEach(all::add);
		return all;
	}

	/** As stored: names separated by single spaces (a name never contains one). */
	static Scopes fromColumn(String column) {
		if (column == null || column.isBlank()) {
			return new Scopes(List.of());
		}
		return new Scopes(Arrays.asList(column.trim().split(" +")));
	}

	String toColumn() {
		return String.join(" ", this.names);
	}

	public boolean has(String scope) {
		return this.names.contains(scope);
	}

	public boolean containsAll(Scopes other) {
		return this.names.containsAll(other.names);
	}

	/** The scopes of {@code other} missing here, sorted. */
	public List<String> missingOf(Scopes other) {
		return other.names.stream().filter((name) -> !this.names.contains(name)).toList();
	}

	public boolean isFullAccess() {
		return this.names.containsAll(BUILT_IN);
	}

	public Set<String> names() {
		return this.names;
	}

	public List<String> list() {
		return List.copyOf(this.names);
	}

	private static String describe(String name) {
		if (name == null) {
			return "null";
		}
		return (name.length() > 64) ? "\"" + name.substring(0, 64) + "…\"" : "\"" + name + "\"";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Scopes scopes && scopes.names.equals(this.names);
	}

	@Override
	public int hashCode() {
		return this.names.hashCode();
	}

	@Override
	public String toString() {
		return toColumn();
	}

}
