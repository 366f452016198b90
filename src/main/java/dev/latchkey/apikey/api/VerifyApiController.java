package dev.latchkey.apikey.api;

import dev.latchkey.InvalidInputException;
import dev.latchkey.apikey.ApiKeyAuthenticator;
import dev.latchkey.apikey.AuthenticatedKey;
import dev.latchkey.apikey.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * For a tenant's own services: is this key one of ours, and what may it do? Checked exactly as an API request is
 * (the same cache, no database read for a known key) and counted against the verified key's rate limit.
 */
@RestController
@Tag(name = "Verify")
class VerifyApiController {

	private final ApiKeyAuthenticator authenticator;

	VerifyApiController(ApiKeyAuthenticator authenticator) {
		this.authenticator = authenticator;
	}

	@PostMapping(path = "/api/keys/verify", consumes = "application/json", produces = "application/json")
	@RequiresScope(Scopes.KEYS_VERIFY)
	@Operation(summary = "Verify a key presented to your own service",
			description = "Answers 200 with valid true and the key's id, name, environment, scopes, expiry and rate-limit "
					+ "status, or valid false and the reason. A key of another tenant is not_found.")
	@ApiResponse(responseCode = "200", description = "The verdict",
			content = @Content(schema = @Schema(implementation = VerifyResponse.class)))
	@ApiResponse(responseCode = "400", description = "No key in the body",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	VerifyResponse verify(@AuthenticationPrincipal AuthenticatedKey caller, @RequestBody VerifyRequest request) {
		if (request.key() == null || request.key().isBlank()) {
			throw new InvalidInputException("key", "key is required");
		}
		return VerifyResponse.of(this.authenticator.verify(request.key().strip(), request.ip(), caller.tenantId()));
	}

}
