package dev.latchkey.apikey;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hashes of keys made before tokens carried a checksum, held in memory so that a token with a wrong checksum
 * is looked up in the database only when it may be one of them. Loaded once at start: no key without a checksum
 * is made any more, so the set can only go stale by a legacy key's deletion, and such an entry merely costs the
 * one database read every unknown token cost before checksums.
 */
@Component
class LegacyTokens {

	private final Set<String> hashes = ConcurrentHashMap.newKeySet();

	LegacyTokens(JdbcTemplate jdbc) {
		this.hashes.addAll(jdbc.queryForList(
				"select token_hash from api_keys where legacy_token = true and deleted_at is null", String.class));
	}

	boolean contains(String tokenHash) {
		return this.hashes.contains(tokenHash);
	}

	int size() {
		return this.hashes.size();
	}

}
