package dev.latchkey.apikey.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.apikey.AuthenticatedKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The two endpoints a client uses to check its set-up: one open, one that needs a key. */
@RestController
@Tag(name = "Hello world")
class HelloWorldController {

	@GetMapping(path = "/api/hello_world", produces = "application/json")
	@Operation(summary = "Check that the API is reachable")
	@SecurityRequirements
	Map<String, String> hello() {
		return Map.of("message", "Hello, world!");
	}

	@GetMapping(path = "/api/hello_world/authenticated", produces = "application/json")
	@Operation(summary = "Check that an API key works")
	Authenticated authenticated(@AuthenticationPrincipal AuthenticatedKey key) {
		return new Authenticated("Hello, " + key.tenantName() + "!", key.tenantName(), key.name(), key.publicId(),
				key.environment().value());
	}

	/** A record rather than a map: Jackson writes it with a serializer made once, and always in this order. */
	record Authenticated(String message, String tenant, @JsonProperty("key_name") String keyName,
			@JsonProperty("key_id") String keyId, String environment) {
	}

}
