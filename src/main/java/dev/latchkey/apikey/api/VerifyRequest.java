package dev.latchkey.apikey.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * @param ip the address the key was presented from, for a key with an IP allowlist; such a key is
 * {@code ip_not_allowed} when it is absent
 */
@Schema(name = "VerifyKeySchema")
record VerifyRequest(
		@Schema(description = "The key your service was given", requiredMode = Schema.RequiredMode.REQUIRED,
				example = "key_…") String key,
		@Schema(description = "Optional: the client address the key came from, checked against the key's IP allowlist",
				nullable = true) String ip) {
}
