package dev.latchkey.apikey;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each key's token bucket as all instances share it: tokens left and when they were last refilled. Instances add
 * what they consumed and read back what is left, a batch of keys in one transaction, in the background.
 */
@Repository
class RateLimitStore {

	private static final int CHUNK = 500;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	RateLimitStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	record Consumption(RateLimit limit, long consumed) {
	}

	/** @return for each key, the tokens left across every instance after adding this instance's consumption */
	Map<Long, Double> exchange(Map<Long, Consumption> consumption, Instant now) {
		List<Long> ids = new ArrayList<>(consumption.keySet());
		Collections.sort(ids); // one locking order on every instance
		Map<Long, Double> left = new HashMap<>();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			left.putAll(this.transactions.execute((status) -> exchangeChunk(chunk, consumption, now)));
		}
		return left;
	}

	private Map<Long, Double> exchangeChunk(List<Long> ids, Map<Long, Consumption> consumption, Instant now) {
		String in = String.join(",", Collections.nCopies(ids.size(), "?"));
		Map<Long, Object[]> rows = new HashMap<>();
		this.jdbc.query("select api_key_id, tokens, refilled_at from api_key_rate_limits where api_key_id in (" + in
				+ ") order by api_key_id for update", (rs) -> {
					double tokens = rs.getDouble("tokens");
					rows.put(rs.getLong("api_key_id"),
							new Object[] { rs.wasNull() ? null : tokens, rs.getTimestamp("refilled_at") });
				}, ids.toArray());
		Map<Long, Double> left = new HashMap<>();
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		for (Long id : ids) {
			Consumption used = consumption.get(id);
			RateLimit limit = used.limit();
			Object[] row = rows.get(id);
			double tokens = limit.requests();
			if (row != null && row[0] != null && row[1] != null) {
				double elapsed = Math.max(0, Duration.between(((Timestamp) row[1]).toInstant(), now).toNanos() / 1e9);
				tokens = Math.min(limit.requests(), (Double) row[0] + elapsed * limit.refillPerSecond());
			}
			tokens -= used.consumed();
			left.put(id, tokens);
			(row != null ? updates : inserts).add(new Object[] { tokens, Timestamp.from(now), id });
		}
		this.jdbc.batchUpdate("update api_key_rate_limits set tokens = ?, refilled_at = ? where api_key_id = ?", updates);
		this.jdbc.batchUpdate("insert into api_key_rate_limits (tokens, refilled_at, api_key_id) values (?, ?, ?)",
				inserts);
		return left;
	}

	/** A new key starts with a full bucket, its row there before any instance exchanges its consumption. */
	void created(long keyId) {
		this.jdbc.update("insert into api_key_rate_limits (api_key_id) values (?)", keyId);
	}

}
