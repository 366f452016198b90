package dev.latchkey.apikey;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * A token's SHA-256 as four longs: how {@link CredentialCache} keys what it remembers. One small object per entry,
 * compared and hashed without touching any other memory, where the hex text the database stores (see
 * {@link ApiKeyToken#hash(String)}) is a string, its byte array and 64 characters to hash and compare on every
 * request. With a thousand keys in rotation each look-up misses the processor's caches, so what a look-up touches
 * is most of what it costs.
 */
record TokenDigest(long a, long b, long c, long d) implements Comparable<TokenDigest> {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

	private static final HexFormat HEX = HexFormat.of();

	/** The digest of a presented token. */
	static TokenDigest of(String token) {
		return of(ApiKeyToken.sha256(token));
	}

	/** The digest whose hex text the database stores, as the change log and the key rows carry it. */
	static TokenDigest ofHex(String tokenHash) {
		return of(HEX.parseHex(tokenHash));
	}

	private static TokenDigest of(byte[] sha256) {
		return new TokenDigest((long) LONGS.get(sha256, 0), (long) LONGS.get(sha256, 8), (long) LONGS.get(sha256, 16),
				(long) LONGS.get(sha256, 24));
	}

	/** The hex text the database stores: {@link ApiKeyToken#hash(String)} of the same token. */
	String hex() {
		return HEX.toHexDigits(this.a) + HEX.toHexDigits(this.b) + HEX.toHexDigits(this.c) + HEX.toHexDigits(this.d);
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.a); // SHA-256: any 32 bits of it are as well spread as all of them
	}

	/**
	 * An order, so that a map bin filled with digests that share their hash code (which anyone can produce by trying
	 * tokens) becomes a tree, searched in logarithmic time, instead of a list.
	 */
	@Override
	public int compareTo(TokenDigest other) {
		int order = Long.compareUnsigned(this.a, other.a);
		if (order == 0) {
			order = Long.compareUnsigned(this.b, other.b);
		}
		if (order == 0) {
			order = Long.compareUnsigned(this.c, other.c);
		}
		return (order != 0) ? order : Long.compareUnsigned(this.d, other.d);
	}

	@Override
	public String toString() {
		return "TokenDigest[" + HEX.toHexDigits(this.a) + "...]"; // never the whole hash in a log
	}

}
