package dev.latchkey.member;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.latchkey.shared.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Outstanding invitation links, by the hash of their token: at most one per invited member. */
@Repository
class Invitations {

	private final JdbcClient jdbc;

	Invitations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Issues a link and voids the member's older one: only the newest invitation works. */
	void replace(UserId user, String tokenHash, Instant now, Instant expiresAt) {
		delete(user);
		this.jdbc.sql("insert into invitation_tokens (user_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)")
			.params(user.value(), tokenHash, timestamp(now), timestamp(expiresAt))
			.update();
	}

	Optional<UserId> findUsable(String tokenHash, Instant now) {
		return this.jdbc
			.sql("select t.user_id from invitation_tokens t join users u on u.id = t.user_id "
					+ "where t.token_hash = ? and t.expires_at > ? and u.invited and u.removed_at is null")
			.params(tokenHash, timestamp(now))
			.query((rs, n) -> new UserId(rs.getLong("user_id")))
			.optional();
	}

	/** Uses up a link; of two requests racing with it, only one deletes the row. */
	boolean consume(String tokenHash, Instant now) {
		return this.jdbc.sql("delete from invitation_tokens where token_hash = ? and expires_at > ?")
			.params(tokenHash, timestamp(now))
			.update() == 1;
	}

	void delete(UserId user) {
		this.jdbc.sql("delete from invitation_tokens where user_id = ?").param(user.value()).update();
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
	}

}
