package dev.latchkey.apikey;

import java.time.Instant;
import java.util.List;

/**
 * What a caller asks for when creating a key, before the service checks it.
 *
 * @param expiresAt {@code null} for a key that never expires
 * @param environment {@code null} or blank for development
 * @param scopes {@code null} for the default: every built-in scope when a person creates the key, the calling
 * key's own scopes when a key does
 * @param rateLimit {@code null} to follow the tenant's default
 * @param allowedIps addresses and CIDR ranges the key may be used from; {@code null} or empty for anywhere
 */
public record NewApiKey(String name, Instant expiresAt, String environment, List<String> scopes,
		RateLimit rateLimit, List<String> allowedIps) {

	public NewApiKey(String name, Instant expiresAt, String environment) {
		this(name, expiresAt, environment, null, null, null);
	}

	public NewApiKey(String name, Instant expiresAt, String environment, List<String> scopes) {
		this(name, expiresAt, environment, scopes, null, null);
	}

	public NewApiKey(String name, Instant expiresAt, String environment, List<String> scopes, RateLimit rateLimit) {
		this(name, expiresAt, environment, scopes, rateLimit, null);
	}

}
