package dev.latchkey.apikey.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.latchkey.apikey.ApiKey;
import dev.latchkey.apikey.Environment;
import dev.latchkey.apikey.KeyPermissions;
import dev.latchkey.apikey.KeyStatus;
import dev.latchkey.apikey.Scopes;

/** A key as the dashboard shows it, formatted at one instant. Never the token: only its prefix exists here. */
record KeyView(String id, String name, String maskedKey, String environment, boolean production, String created,
		String createdIso, String expiration, String expirationDetail, boolean expired, String createdBy, String lastUsed, String status,
		String statusClass, boolean active, String deactivated, List<String> scopes, String scopesSummary,
		Integer rateLimitRequests, Integer rateLimitPerSeconds, List<String> allowedIps, String leakReportedAt,
		String leakUrl, boolean changeable, String expiresIn, ApiKey.KeyLink rolledFrom, ApiKey.KeyLink rolledTo,
		Moment createdAt, Moment expiresAt, Moment lastUsedAt) {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	/** @param permissions the viewer's, deciding whether the key's actions are shown */
	static KeyView of(ApiKey key, Instant now, KeyPermissions permissions) {
		KeyStatus status = key.statusAt(now);
		return new KeyView(key.publicId(), key.name(), key.tokenPrefix() + "…", label(key.environment()),
				key.environment() == Environment.PRODUCTION, DATE.format(key.createdAt()), key.createdAt().toString(),
				(key.expiresAt() != null) ? DATE.format(key.expiresAt()) : "Never",
				(key.expiresAt() != null) ? DATE_TIME.format(key.expiresAt()) : "Never", key.isExpiredAt(now),
				key.createdBy().label(), (key.lastUsedAt() != null) ? DATE_TIME.format(key.lastUsedAt()) : "Never",
				status.label(), status.name().toLowerCase(Locale.ROOT), key.isActive(),
				(key.deactivatedAt() != null) ? DATE_TIME.format(key.deactivatedAt()) : null, key.scopes().list(),
				summary(key.scopes()), (key.rateLimit() != null) ? key.rateLimit().requests() : null,
				(key.rateLimit() != null) ? key.rateLimit().perSeconds() : null, key.allowedIps().list(),
				(key.leakReportedAt() != null) ? DATE_TIME.format(key.leakReportedAt()) : null, key.leakUrl(),
				permissions.canChange(key), expiresIn(key.expiresAt(), now), key.rolledFrom(), key.rolledTo(),
				Moment.of(key.createdAt(), now), Moment.of(key.expiresAt(), now), Moment.of(key.lastUsedAt(), now));
	}

	/** Roll key is offered once per key: after that, its successor is the one to roll. */
	public boolean rollable() {
		return this.changeable && this.rolledTo == null;
	}

	/**
	 * "Expires in 23 hours": for a key that stops working within 30 days (a rolled key's grace, say), counted down
	 * in whole units; {@code null} otherwise.
	 */
	static String expiresIn(Instant expiresAt, Instant now) {
		if (expiresAt == null || !expiresAt.isAfter(now)) {
			return null;
		}
		// to the nearest minute: stored times lose their nanoseconds, and 59:59.999 left reads as an hour
		java.time.Duration left = java.time.Duration.between(now, expiresAt).plusSeconds(30).truncatedTo(
				java.time.temporal.ChronoUnit.MINUTES);
		if (left.compareTo(java.time.Duration.ofDays(30)) > 0) {
			return null;
		}
		if (left.toMinutes() < 1) {
			return "Expires in less than a minute";
		}
		if (left.toHours() < 1) {
			return "Expires in " + plural(left.toMinutes(), "minute");
		}
		if (left.toHours() < 48) {
			return "Expires in " + plural(left.toHours(), "hour");
		}
		return "Expires in " + plural(left.toDays(), "day");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

	/** Compact, for the table: "Full access", "Full access + billing:read", "keys:read, keys:verify" or "None". */
	static String summary(Scopes scopes) {
		List<String> custom = scopes.list().stream().filter((name) -> !Scopes.BUILT_IN.contains(name)).toList();
		if (scopes.isFullAccess()) {
			return custom.isEmpty() ? "Full access" : "Full access + " + String.join(", ", custom);
		}
		return scopes.names().isEmpty() ? "None" : String.join(", ", scopes.list());
	}

	static String dateTime(Instant instant) {
		return DATE_TIME.format(instant);
	}

	private static String label(Environment environment) {
		return environment == Environment.PRODUCTION ? "Production" : "Development";
	}

}
