package dev.latchkey.apikey.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;

import dev.latchkey.InvalidInputException;
import dev.latchkey.apikey.LeakReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leak reports in GitHub's secret-scanning partner format: a signed JSON array of
 * {@code {"token", "type", "url", "source"}}, answered with a label per token. The answer never names a tenant or
 * a key.
 */
@RestController
@Tag(name = "Leak reports")
class LeakReportsController {

	static final int MAX_TOKENS = 1000;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final LeakReports reports;

	private final LeakSignatures signatures;

	LeakReportsController(LeakReports reports, LeakSignatures signatures) {
		this.reports = reports;
		this.signatures = signatures;
	}

	record Verdict(@JsonProperty("token_raw") String tokenRaw, @JsonProperty("token_type") String tokenType,
			String label) {
	}

	@PostMapping(path = "/api/credentials/leaks", consumes = "application/json", produces = "application/json")
	@SecurityRequirements
	@Operation(summary = "Report leaked keys (secret-scanning partner format)",
			description = "Needs no API key: signed with an ECDSA key configured under latchkey.leaks.public-keys "
					+ "(headers Github-Public-Key-Identifier and Github-Public-Key-Signature). Each live key reported is "
					+ "recorded, announced to its tenant's admins and, by the tenant's leak policy, deactivated.")
	List<Verdict> report(@RequestBody byte[] body,
			@RequestHeader(name = "Github-Public-Key-Identifier", required = false) String keyIdentifier,
			@RequestHeader(name = "Github-Public-Key-Signature", required = false) String signature,
			HttpServletRequest request) {
		if (!this.signatures.accepts(keyIdentifier, signature, body)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"A leak report must be signed by a key configured under latchkey.leaks.public-keys.");
			problem.setTitle("Unauthorized");
			throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
		}
		List<Verdict> verdicts = new ArrayList<>();
		for (JsonNode item : items(body)) {
			String token = text(item, "token");
			String type = text(item, "type");
			boolean ours = this.reports.report(token, text(item, "url"), text(item, "source"), request.getRemoteAddr());
			verdicts.add(new Verdict(token, type, ours ? "true_positive" : "false_positive"));
		}
		return verdicts;
	}

	private static JsonNode items(byte[] body) {
		JsonNode items;
		try {
			items = json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException("body", "The body must be a JSON array of {token, type, url, source}");
		}
		if (items == null || !items.isArray()) {
			throw new InvalidInputException("body", "The body must be a JSON array of {token, type, url, source}");
		}
		if (items.size() > MAX_TOKENS) {
			throw new InvalidInputException("body", "At most " + MAX_TOKENS + " tokens a report");
		}
		for (JsonNode item : items) {
			if (!item.isObject() || !item.path("token").isString()) {
				throw new InvalidInputException("token", "Every entry needs a token");
			}
		}
		return items;
	}

	private static String text(JsonNode item, String field) {
		JsonNode value = item.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
