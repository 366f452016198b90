package dev.latchkey.apikey.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.apikey.AuthenticatedKey;
import dev.latchkey.apikey.Scopes;
import dev.latchkey.audit.AuditCursor;
import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditFilter;
import dev.latchkey.audit.AuditPage;
import dev.latchkey.audit.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The calling key's tenant's audit log, as Settings → Audit log shows it, a page at a time by cursor. */
@RestController
@Tag(name = "Credentials")
class AuditEventsApiController {

	private final AuditTrail trail;

	AuditEventsApiController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping(path = "/api/credentials/audit-events", produces = "application/json")
	@Operation(summary = "List the tenant's audit events, newest first",
			description = "Sign-ins, key changes by people and keys, member and operator actions. Pass next_cursor "
					+ "back as cursor, with the same filters, for the next page; next_cursor is null on the last page.")
	@ApiResponse(responseCode = "200", description = "A page of events")
	@ApiResponse(responseCode = "400", description = "An invalid filter or cursor, named in the problem's field",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@RequiresScope(Scopes.KEYS_READ)
	AuditEventsResponse list(@AuthenticationPrincipal AuthenticatedKey caller,
			@Parameter(description = "Only this action, e.g. sign_in_failed") @RequestParam(required = false) String action,
			@Parameter(description = "Only this actor: a person's email address or a key prefix (key_3f9a)")
			@RequestParam(required = false) String actor,
			@Parameter(description = "From this day (UTC, yyyy-mm-dd), included") @RequestParam(required = false) String from,
			@Parameter(description = "To this day (UTC, yyyy-mm-dd), included") @RequestParam(required = false) String to,
			@Parameter(description = "The next_cursor of the previous page") @RequestParam(required = false) String cursor,
			@Parameter(description = "Events per page, 1 to 200") @RequestParam(defaultValue = "50") String limit) {
		AuditFilter filter = AuditFilter.parse(action, actor, from, to);
		AuditPage page = this.trail.page(caller.tenantId(), filter, AuditCursor.decode(cursor), size(limit));
		return new AuditEventsResponse(page.events().stream().map(AuditEventResponse::of).toList(),
				(page.next() != null) ? page.next().encode() : null);
	}

	private static int size(String limit) {
		try {
			return Integer.parseInt(limit.strip());
		}
		catch (NumberFormatException ex) {
			throw new dev.latchkey.InvalidInputException("limit", "limit must be a whole number from 1 to "
					+ AuditTrail.MAX_PAGE_SIZE);
		}
	}

	record AuditEventsResponse(List<AuditEventResponse> events,
			@JsonProperty("next_cursor") @Schema(nullable = true) String nextCursor) {
	}

	record AuditEventResponse(long id, @JsonProperty("occurred_at") String occurredAt, String actor, String action,
			String target, String ip) {

		static AuditEventResponse of(AuditEntry event) {
			return new AuditEventResponse(event.id(), event.occurredAt().toString(), event.actor(), event.action(),
					event.target(), event.ip());
		}

	}

}
