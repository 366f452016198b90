package dev.latchkey.audit.web;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import dev.latchkey.InvalidInputException;
import dev.latchkey.audit.AuditCsv;
import dev.latchkey.audit.AuditCursor;
import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditFilter;
import dev.latchkey.audit.AuditPage;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.shared.TenantId;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Settings → Audit log: every event of the signed-in member's tenant, newest first, filtered and paged by keyset,
 * and the same events as a CSV download. Every active member may read it; the tenant comes from the session's
 * principal, never from the request. (The principal is read by its {@code tenantId()} so that the audit package,
 * which the account package records into, does not depend on account in return.)
 */
@Controller
@RequestMapping("/settings/audit-log")
class AuditLogController {

	static final int PAGE_SIZE = 50;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final AuditTrail trail;

	AuditLogController(AuditTrail trail) {
		this.trail = trail;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "audit-log";
	}

	@GetMapping
	String page(@AuthenticationPrincipal(expression = "tenantId()") TenantId tenant,
			@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String actor,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "") String cursor, HttpServletResponse response, Model model) {
		model.addAttribute("form", new FilterForm(action.strip(), actor.strip(), from.strip(), to.strip()));
		model.addAttribute("actions", AuditFilter.KNOWN_ACTIONS);
		model.addAttribute("firstPage", cursor.isBlank());
		try {
			AuditFilter filter = AuditFilter.parse(action, actor, from, to);
			AuditPage page = this.trail.page(tenant, filter, AuditCursor.decode(cursor), PAGE_SIZE);
			model.addAttribute("errors", Map.of());
			model.addAttribute("events", page.events().stream().map(EventView::of).toList());
			model.addAttribute("nextCursor", (page.next() != null) ? page.next().encode() : null);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			Map<String, String> errors = new LinkedHashMap<>();
			errors.put(ex.field(), sentence(ex.getMessage()));
			model.addAttribute("errors", errors);
			model.addAttribute("events", List.of());
			model.addAttribute("nextCursor", null);
		}
		return "audit/log";
	}

	/**
	 * The filtered events as CSV, written while they are read (a thousand rows at a time, see
	 * {@link AuditTrail#each}), so a million events never sit in memory at once.
	 */
	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal(expression = "tenantId()") TenantId tenant,
			@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String actor,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to) {
		AuditFilter filter;
		try {
			filter = AuditFilter.parse(action, actor, from, to);
		}
		catch (InvalidInputException ex) {
			StreamingResponseBody message = (out) -> out.write(sentence(ex.getMessage()).getBytes(StandardCharsets.UTF_8));
			return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(message);
		}
		String file = "audit-log-" + FILE_TIME.format(Instant.now()) + ".csv";
		StreamingResponseBody body = (out) -> {
			Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
			this.trail.each(tenant, filter, AuditCsv.writer(writer));
			writer.flush();
		};
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	private static String sentence(String message) {
		return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
	}

	/** The filter as typed, for the form and the paging and export links. */
	record FilterForm(String action, String actor, String from, String to) {
	}

	record EventView(long id, String time, String iso, String actor, String action, String target, String keyId,
			boolean keyDeleted, String ip) {

		static EventView of(AuditEntry event) {
			return new EventView(event.id(), TIME.format(event.occurredAt()), event.occurredAt().toString(),
					event.actor(), event.action(), event.target(), event.targetKeyId(), event.targetKeyDeleted(),
					(event.ip() != null) ? event.ip() : "");
		}

	}

}
