package dev.latchkey.apikey.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.latchkey.InvalidInputException;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.apikey.Scopes;

/**
 * The create dialog's fields as submitted. Turning them into a {@link NewApiKey} only reads the form; the rules
 * (name length, future expiry, production grant) are the key service's.
 *
 * @param expiration one of the {@link ExpirationChoice} values
 * @param customDate {@code yyyy-MM-dd}, used when the expiration is {@code custom}: the key stops working at
 * 00:00 UTC on that date
 */
record CreateKeyForm(String name, String expiration, String customDate, String environment, String access,
		List<String> scopes, String allowedIps) {

	static final String FULL_ACCESS = "full";

	/** New keys default to Restricted with keys:read ticked: the least that is still useful. */
	static CreateKeyForm empty() {
		return new CreateKeyForm("", ExpirationChoice.NEVER.value(), "", "development", "restricted",
				List.of(Scopes.KEYS_READ), "");
	}

	public boolean fullAccess() {
		return FULL_ACCESS.equals(this.access);
	}

	public boolean ticked(String scope) {
		return this.scopes != null && this.scopes.contains(scope);
	}

	public boolean customExpiration() {
		return ExpirationChoice.CUSTOM.value().equals(this.expiration);
	}

	NewApiKey toNewApiKey(Instant now) {
		ExpirationChoice choice = ExpirationChoice.of((this.expiration != null) ? this.expiration : "never")
			.orElseThrow(() -> new InvalidInputException("expiration", "Choose one of the expiration options"));
		Instant expiresAt = (choice == ExpirationChoice.CUSTOM) ? customExpiresAt() : choice.expiresAt(now);
		return new NewApiKey(this.name, expiresAt, this.environment, chosenScopes(), null, addresses(this.allowedIps));
	}

	/** One address or range a line (commas and spaces separate too). */
	static List<String> addresses(String text) {
		return (text == null || text.isBlank()) ? List.of() : List.of(text.strip().split("[\\s,]+"));
	}

	/** Full access is every built-in scope; Restricted is exactly what is ticked, possibly nothing. */
	private List<String> chosenScopes() {
		if (fullAccess()) {
			return Scopes.BUILT_IN;
		}
		return (this.scopes != null) ? this.scopes : List.of();
	}

	private Instant customExpiresAt() {
		if (this.customDate == null || this.customDate.isBlank()) {
			throw new InvalidInputException("customDate", "Choose the date the key stops working");
		}
		try {
			return LocalDate.parse(this.customDate.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("customDate", "Enter a date such as 2030-01-31");
		}
	}

	/**
	 * The form field a service complaint belongs next to: the service names its fields as the API does
	 * ({@code expires_at}), the dialog has its own.
	 */
	String fieldFor(String serviceField) {
		if ("allowed_ips".equals(serviceField)) {
			return "allowedIps";
		}
		if ("expires_at".equals(serviceField)) {
			return customExpiration() ? "customDate" : "expiration";
		}
		return serviceField;
	}

}
