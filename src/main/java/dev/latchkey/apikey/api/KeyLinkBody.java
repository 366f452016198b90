package dev.latchkey.apikey.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.apikey.ApiKey;
import io.swagger.v3.oas.annotations.media.Schema;

/** The other end of a roll: enough to find that key, never its token. */
@Schema(name = "KeyLinkSchema", description = "A key this one was rolled from or to")
record KeyLinkBody(@JsonProperty("heron_id") String heronId, @JsonProperty("token_prefix") String tokenPrefix,
		@Schema(description = "True once that key was deleted; its history stays readable") boolean deleted) {

	static KeyLinkBody of(ApiKey.KeyLink link) {
		return (link != null) ? new KeyLinkBody(link.publicId(), link.tokenPrefix(), link.deleted()) : null;
	}

}
