package dev.latchkey.apikey;

/** A new key and its token: the one and only moment the token exists outside the client. */
public record CreatedApiKey(ApiKey key, String token) {

	@Override
	public String toString() {
		return "CreatedApiKey[key=" + this.key.publicId() + ", token=" + this.key.tokenPrefix() + "…]";
	}

}
