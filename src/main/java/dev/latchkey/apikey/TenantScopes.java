package dev.latchkey.apikey;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import dev.latchkey.InvalidInputException;
import dev.latchkey.shared.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The scope names a tenant defines for its own services, besides the built-in ones. */
@Repository
public class TenantScopes {

	public static final int MAX_PER_TENANT = 50;

	private final JdbcClient jdbc;

	TenantScopes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Set<String> names(TenantId tenant) {
		return new TreeSet<>(this.jdbc.sql("select name from tenant_scopes where tenant_id = ?")
			.param(tenant.value())
			.query(String.class)
			.list());
	}

	/** Checks the names, then makes them the tenant's whole set. */
	void replace(TenantId tenant, Collection<String> requested) {
		Set<String> names = check(requested);
		this.jdbc.sql("delete from tenant_scopes where tenant_id = ?").param(tenant.value()).update();
		for (String name : names) {
			this.jdbc.sql("insert into tenant_scopes (tenant_id, name) values (?, ?)").params(tenant.value(), name).update();
		}
	}

	static Set<String> check(Collection<String> requested) {
		Set<String> names = new TreeSet<>();
		for (String raw : requested) {
			String name = (raw != null) ? raw.strip() : "";
			if (name.isEmpty()) {
				continue;
			}
			if (!Scopes.NAME.matcher(name).matches()) {
				throw new InvalidInputException("custom_scopes", "“" + shorten(name)
						+ "” is not a scope name: start with a lower-case letter, then up to 63 of a-z 0-9 _ . : -");
			}
			if (Scopes.BUILT_IN.contains(name)) {
				continue;
			}
			names.add(name);
		}
		if (names.size() > MAX_PER_TENANT) {
			throw new InvalidInputException("custom_scopes", "at most " + MAX_PER_TENANT + " scopes of your own");
		}
		return names;
	}

	private static String shorten(String name) {
		return (name.length() > 64) ? name.substring(0, 64) + "…" : name;
	}

}
