package dev.latchkey.apikey.api;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.apikey.ApiKeyPage;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * @param total the matching keys, counted up to 1,000 (or to just past the page asked for, when that is further)
 * @param totalExact false when more keys match than {@code total} says; {@code has_more} is exact either way
 */
record KeyPageResponse(List<KeyResponse> keys, int page, int size,
		@Schema(description = "Matching keys, counted up to 1,000 (further when the page asked for is further); "
				+ "when more match, total_exact is false") long total,
		@JsonProperty("total_exact") boolean totalExact, @JsonProperty("has_more") boolean hasMore) {

	static KeyPageResponse of(ApiKeyPage page, Clock clock) {
		return new KeyPageResponse(page.keys().stream().map((key) -> KeyResponse.of(key, clock)).toList(), page.page(),
				page.size(), page.total(), page.totalExact(), page.hasMore());
	}

}
