package dev.latchkey.apikey.api;

import java.util.Map;

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
	Map<String, String> authenticated(@AuthenticationPrincipal AuthenticatedKey key) {
		return Map.of("message", "Hello, " + key.tenantName() + "!", "tenant", key.tenantName(), "key_name", key.name(),
				"key_id", key.publicId(), "environment", key.environment().value());
	}

}
