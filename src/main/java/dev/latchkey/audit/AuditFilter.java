package dev.latchkey.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.latchkey.InvalidInputException;

/**
 * What the audit log is narrowed to: one action, one actor (a member's or operator's email address, or a key's
 * prefix), and a range of days in UTC, both ends included. Every part is optional.
 *
 * @param actorEmail the normalised email when the actor filter is a person, else {@code null}
 * @param actorKeyPrefix the key prefix (key_3f9a) when the actor filter is a key, else {@code null}
 */
public record AuditFilter(String action, String actorEmail, String actorKeyPrefix, LocalDate from, LocalDate to) {

	/** The actions the dashboard offers in its filter; any other well-formed action may still be asked for. */
	public static final List<String> KNOWN_ACTIONS = List.of("sign_in_succeeded", "sign_in_failed",
			"sign_in_throttled", "signed_out", "session_signed_out", "other_sessions_signed_out", "password_reset",
			"password_changed", "display_name_changed", "created", "deactivated", "reactivated", "deleted", "renamed",
			"expiration changed", "reminder sent", "max key lifetime changed", "scopes changed", "allowed IPs changed", "rate limit changed", "reported leaked",
			"refused: IP not allowed", "member_invited", "member_reinvited", "invitation_accepted",
			"invitation_revoked", "member_role_changed", "member_disabled", "member_enabled", "member_removed",
			"tenant_created", "production_granted", "production_revoked", "tenant_suspended", "tenant_resumed");

	public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

	private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9_:. -]{1,32}");

	private static final Pattern KEY_PREFIX = Pattern.compile("key_[0-9a-f]{4}");

	/**
	 * Reads the filter as typed in the dashboard or given to the API; blank parts mean "any".
	 * @throws InvalidInputException naming {@code action}, {@code actor}, {@code from} or {@code to}
	 */
	public static AuditFilter parse(String action, String actor, String from, String to) {
		String theAction = blankToNull(action);
		if (theAction != null && !ACTION.matcher(theAction).matches()) {
			throw new InvalidInputException("action", "action must be an audit action such as sign_in_failed");
		}
		String email = null;
		String prefix = null;
		String theActor = blankToNull(actor);
		if (theActor != null) {
			String trimmed = theActor.replace("…", "").replace("...", "");
			if (KEY_PREFIX.matcher(trimmed.toLowerCase(Locale.ROOT)).matches()) {
				prefix = trimmed.toLowerCase(Locale.ROOT);
			}
			else if (theActor.contains("@") && theActor.length() <= 320) {
				email = theActor.toLowerCase(Locale.ROOT);
			}
			else {
				throw new InvalidInputException("actor",
						"actor must be an email address or a key prefix such as key_3f9a");
			}
		}
		LocalDate start = date(from, "from");
		LocalDate end = date(to, "to");
		if (start != null && end != null && end.isBefore(start)) {
			throw new InvalidInputException("to", "to must not be before from");
		}
		return new AuditFilter(theAction, email, prefix, start, end);
	}

	/** The actor as typed back into the form. */
	public String actor() {
		return (this.actorKeyPrefix != null) ? this.actorKeyPrefix : this.actorEmail;
	}

	Instant fromInstant() {
		return (this.from != null) ? this.from.atStartOfDay(ZoneOffset.UTC).toInstant() : null;
	}

	Instant toInstantExclusive() {
		return (this.to != null) ? this.to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : null;
	}

	private static LocalDate date(String value, String field) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text);
			if (date.getYear() < 1970 || date.getYear() > 9999) {
				throw new InvalidInputException(field, field + " must be a date between 1970 and 9999");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, field + " must be a date such as 2030-01-31");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
