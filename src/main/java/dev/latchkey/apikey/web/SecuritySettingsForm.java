package dev.latchkey.apikey.web;

import java.util.Arrays;
import java.util.List;

import dev.latchkey.InvalidInputException;
import dev.latchkey.apikey.LeakPolicy;
import dev.latchkey.apikey.RateLimit;
import dev.latchkey.apikey.SecuritySettings;

/**
 * Settings → Security as submitted: one section per setting, each field read here and checked by the service.
 *
 * @param customScopes one name a line
 * @param rateLimitRequests empty, with {@code rateLimitPerSeconds} empty, for the installation's default
 */
record SecuritySettingsForm(String customScopes, String rateLimitRequests, String rateLimitPerSeconds,
		String leakPolicy) {

	static SecuritySettingsForm of(SecuritySettings settings) {
		RateLimit limit = settings.defaultRateLimit();
		return new SecuritySettingsForm(String.join("\n", settings.customScopes()),
				(limit != null) ? Integer.toString(limit.requests()) : "",
				(limit != null) ? Integer.toString(limit.perSeconds()) : "", settings.leakPolicy().value());
	}

	SecuritySettings toSettings() {
		List<String> scopes = (this.customScopes == null || this.customScopes.isBlank()) ? List.of()
				: Arrays.asList(this.customScopes.strip().split("[\\s,]+"));
		RateLimit limit = RateLimit.of(whole(this.rateLimitRequests), whole(this.rateLimitPerSeconds),
				"default_rate_limit");
		return new SecuritySettings(limit, LeakPolicy.parse(this.leakPolicy, "leak_policy"), scopes);
	}

	private static Integer whole(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("default_rate_limit", "Enter whole numbers for the default rate limit");
		}
	}

}
