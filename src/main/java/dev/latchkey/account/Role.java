package dev.latchkey.account;

import java.util.Locale;
import java.util.Optional;

/**
 * A member's role in its tenant, one per member. What each may do with keys is decided in one place,
 * {@code dev.latchkey.apikey.KeyPermissions}; what each may do with members, in {@code dev.latchkey.member.MemberService}.
 * <ul>
 * <li>{@link #VIEWER} reads keys and members, changes nothing.</li>
 * <li>{@link #DEVELOPER} also creates development keys and changes the keys it created.</li>
 * <li>{@link #ADMIN} may do everything in its tenant.</li>
 * </ul>
 */
public enum Role {

	ADMIN("Admin"), DEVELOPER("Developer"), VIEWER("Viewer");

	/** The authority an operator holds, on top of its role in its own tenant. */
	public static final String OPERATOR_AUTHORITY = "OPERATOR";

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** @return the role named, regardless of case ({@code admin}, {@code Developer}), if there is one */
	public static Optional<Role> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (Role role : values()) {
			if (role.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
