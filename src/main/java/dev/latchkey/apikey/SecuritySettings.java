package dev.latchkey.apikey;

import java.util.List;

/**
 * A tenant's Settings → Security.
 *
 * @param defaultRateLimit for keys without their own; {@code null} for the installation's default
 * @param customScopes the tenant's own scope names, sorted
 */
public record SecuritySettings(RateLimit defaultRateLimit, LeakPolicy leakPolicy, List<String> customScopes) {
}
