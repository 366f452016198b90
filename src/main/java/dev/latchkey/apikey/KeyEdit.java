package dev.latchkey.apikey;

import java.time.Instant;

/**
 * What a rename or an expiration change asks for, applied together or not at all. A field that is not changed is
 * told apart from one changed to nothing: {@code expiresAt == null} with {@code changesExpiration} means never.
 */
public record KeyEdit(String name, boolean renames, Instant expiresAt, boolean changesExpiration) {

	public static final KeyEdit NOTHING = new KeyEdit(null, false, null, false);

	public static KeyEdit rename(String name) {
		return NOTHING.withName(name);
	}

	/** @param expiresAt {@code null} for never */
	public static KeyEdit expiration(Instant expiresAt) {
		return NOTHING.withExpiration(expiresAt);
	}

	public KeyEdit withName(String name) {
		return new KeyEdit(name, true, this.expiresAt, this.changesExpiration);
	}

	public KeyEdit withExpiration(Instant expiresAt) {
		return new KeyEdit(this.name, this.renames, expiresAt, true);
	}

}
