package dev.latchkey.apikey;

import java.time.Instant;

/**
 * What a caller asks for when creating a key, before the service checks it.
 *
 * @param expiresAt {@code null} for a key that never expires
 * @param environment {@code null} or blank for development
 */
public record NewApiKey(String name, Instant expiresAt, String environment) {
}
