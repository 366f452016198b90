package dev.latchkey.apikey;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latchkey.leaks.*}: who may report leaked keys.
 *
 * @param publicKeys the reporters' ECDSA public keys (PEM, {@code -----BEGIN PUBLIC KEY-----}) by key identifier,
 * as GitHub publishes them for secret-scanning partners
 * @param allowUnsigned accept reports without a valid signature: for testing only, never in production
 */
@ConfigurationProperties("latchkey.leaks")
public record LeaksProperties(@DefaultValue Map<String, String> publicKeys, @DefaultValue("false") boolean allowUnsigned) {
}
