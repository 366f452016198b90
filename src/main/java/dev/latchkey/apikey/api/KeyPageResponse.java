package dev.latchkey.apikey.api;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.apikey.ApiKeyPage;

record KeyPageResponse(List<KeyResponse> keys, int page, int size, long total,
		@JsonProperty("has_more") boolean hasMore) {

	static KeyPageResponse of(ApiKeyPage page, Clock clock) {
		return new KeyPageResponse(page.keys().stream().map((key) -> KeyResponse.of(key, clock)).toList(), page.page(),
				page.size(), page.total(), page.hasMore());
	}

}
