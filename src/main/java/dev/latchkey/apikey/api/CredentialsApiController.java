package dev.latchkey.apikey.api;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.AuthenticatedKey;
import dev.latchkey.apikey.Scopes;
import dev.latchkey.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The credentials API. It acts as the user who owns the calling key. */
@RestController
@RequestMapping(path = "/api/credentials/keys", produces = "application/json")
@Tag(name = "Credentials")
class CredentialsApiController {

	private final ApiKeyService keys;

	private final Clock clock;

	CredentialsApiController(ApiKeyService keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	@PostMapping(consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a new API key",
			description = "Create a new named API key for the authenticated user. The full token is returned only in this response - it cannot be retrieved again.")
	@ApiResponse(responseCode = "201", description = "API key created. The full token is only returned in this response.")
	@ApiResponse(responseCode = "400", description = "Invalid request",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The tenant has as many active keys as it may",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@RequiresScope(Scopes.KEYS_WRITE)
	KeyCreatedResponse create(@AuthenticationPrincipal AuthenticatedKey caller, @RequestBody CreateKeyRequest request,
			HttpServletRequest http) {
		return KeyCreatedResponse.of(this.keys.create(actor(caller, http), request.toNewApiKey()));
	}

	@GetMapping
	@Operation(summary = "List the tenant's API keys, newest first",
			description = "Optionally only keys whose name starts with q (case-insensitive) or whose prefix starts with "
					+ "q; a whole token as q finds its key by the token's hash.")
	@RequiresScope(Scopes.KEYS_READ)
	KeyPageResponse list(@AuthenticationPrincipal AuthenticatedKey caller,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			@RequestParam(required = false) String q) {
		return KeyPageResponse.of(this.keys.list(caller.tenantId(), q, page, size), this.clock);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get one API key")
	@ApiResponse(responseCode = "200", description = "The key")
	@ApiResponse(responseCode = "404", description = "No such key in your tenant", content = @Content)
	@RequiresScope(Scopes.KEYS_READ)
	KeyResponse get(@AuthenticationPrincipal AuthenticatedKey caller, @PathVariable String id) {
		return KeyResponse.of(this.keys.find(caller.tenantId(), id), this.clock);
	}

	@PostMapping("/{id}/deactivate")
	@Operation(summary = "Deactivate an API key", description = "Requests with the key are refused from the next one on.")
	@ApiResponse(responseCode = "200", description = "The deactivated key")
	@ApiResponse(responseCode = "404", description = "No such key in your tenant", content = @Content)
	@RequiresScope(Scopes.KEYS_WRITE)
	KeyResponse deactivate(@AuthenticationPrincipal AuthenticatedKey caller, @PathVariable String id,
			HttpServletRequest http) {
		return KeyResponse.of(this.keys.deactivate(actor(caller, http), id), this.clock);
	}

	@PostMapping("/{id}/reactivate")
	@Operation(summary = "Reactivate an API key")
	@ApiResponse(responseCode = "200", description = "The reactivated key")
	@ApiResponse(responseCode = "404", description = "No such key in your tenant", content = @Content)
	@RequiresScope(Scopes.KEYS_WRITE)
	KeyResponse reactivate(@AuthenticationPrincipal AuthenticatedKey caller, @PathVariable String id,
			HttpServletRequest http) {
		return KeyResponse.of(this.keys.reactivate(actor(caller, http), id), this.clock);
	}

	@PostMapping(path = "/{id}/roll", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Roll (rotate) an API key",
			description = "Creates a new key with the same name, environment, scopes, rate limit, allowed IPs and expiry "
					+ "length, and makes the old key stop working after expire_old_in_seconds (never later than it "
					+ "already would). The new token is returned only in this response. A key can roll only keys "
					+ "within its own scopes and environment.")
	@ApiResponse(responseCode = "201", description = "The new key. The full token is only returned in this response.")
	@ApiResponse(responseCode = "400", description = "Invalid request",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such key in your tenant", content = @Content)
	@ApiResponse(responseCode = "409", description = "The key was already rolled, or the tenant has as many active keys as it may",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@RequiresScope(Scopes.KEYS_WRITE)
	KeyCreatedResponse roll(@AuthenticationPrincipal AuthenticatedKey caller, @PathVariable String id,
			@RequestBody RollKeyRequest request, HttpServletRequest http) {
		return KeyCreatedResponse.of(this.keys.roll(actor(caller, http), id, request.grace()));
	}

	@PatchMapping(path = "/{id}", consumes = "application/json")
	@Operation(summary = "Rename an API key or change its expiration",
			description = "Send name and/or expires_at; what is not sent stays as it is. expires_at null: never "
					+ "expires. An expired or deactivated key can be given a new expiration. The tenant's maximum key "
					+ "lifetime applies.")
	@ApiResponse(responseCode = "200", description = "The key")
	@ApiResponse(responseCode = "400", description = "Invalid request",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such key in your tenant", content = @Content)
	@RequiresScope(Scopes.KEYS_WRITE)
	KeyResponse update(@AuthenticationPrincipal AuthenticatedKey caller, @PathVariable String id,
			@RequestBody UpdateKeyRequest request, HttpServletRequest http) {
		return KeyResponse.of(this.keys.edit(actor(caller, http), id, request.toEdit()), this.clock);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an API key", description = "Irreversible: the key never authenticates again.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "No such key in your tenant", content = @Content)
	@RequiresScope(Scopes.KEYS_WRITE)
	void delete(@AuthenticationPrincipal AuthenticatedKey caller, @PathVariable String id, HttpServletRequest http) {
		this.keys.delete(actor(caller, http), id);
	}

	private static Actor actor(AuthenticatedKey caller, HttpServletRequest http) {
		return Actor.apiKey(caller.tenantId(), caller.owner(), caller.keyId(), http.getRemoteAddr());
	}

}
