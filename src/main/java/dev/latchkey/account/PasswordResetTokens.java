package dev.latchkey.account;

import dev.latchkey.shared.UserId;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Outstanding reset links, by the hash of their token. */
@Repository
class PasswordResetTokens {

	private final JdbcClient jdbc;

	PasswordResetTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Issues a link and voids every older one of the user: only the newest link works. */
	void replace(UserId user, String tokenHash, Instant now, Instant expiresAt) {
		deleteFor(user);
		this.jdbc
			.sql("insert into password_reset_tokens (user_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)")
			.params(user.value(), tokenHash, timestamp(now), timestamp(expiresAt))
			.update();
	}

	Optional<UserId> findUsable(String tokenHash, Instant now) {
		return this.jdbc.sql("select user_id from password_reset_tokens where token_hash = ? and expires_at > ?")
			.params(tokenHash, timestamp(now))
			.query((rs, n) -> new UserId(rs.getLong("user_id")))
			.optional();
	}

	/**
	 * Uses up a link. Deleting it is the single-use guarantee: of two requests racing with the same link, on one
	 * instance or two, only one deletes the row.
	 * @return whether the link was still usable
	 */
	boolean consume(String tokenHash, Instant now) {
		return this.jdbc.sql("delete from password_reset_tokens where token_hash = ? and expires_at > ?")
			.params(tokenHash, timestamp(now))
			.update() == 1;
	}

	void deleteFor(UserId user) {
		this.jdbc.sql("delete from password_reset_tokens where user_id = ?").param(user.value()).update();
	}

	int deleteExpired(Instant now) {
		return this.jdbc.sql("delete from password_reset_tokens where expires_at <= ?").param(timestamp(now)).update();
	}

	/**
	 * Both databases keep microseconds: truncating here, rather than letting the database round, keeps the
	 * comparison with the expiry exact at the boundary.
	 */
	private static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
	}

}
