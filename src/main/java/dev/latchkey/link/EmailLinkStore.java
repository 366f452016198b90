package dev.latchkey.link;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Outstanding links, by the hash of their token. */
@Repository
class EmailLinkStore {

	private final JdbcClient jdbc;

	EmailLinkStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a link and voids every older one of the same purpose and subject: only the newest works. */
	void replace(LinkPurpose purpose, long subject, String tokenHash, Instant now, Instant expiresAt) {
		delete(purpose, subject);
		this.jdbc
			.sql("insert into email_links (purpose, subject_id, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?)")
			.params(purpose.name(), subject, tokenHash, timestamp(now), timestamp(expiresAt))
			.update();
	}

	Optional<Long> findUsable(LinkPurpose purpose, String tokenHash, Instant now) {
		return this.jdbc
			.sql("select subject_id from email_links where token_hash = ? and purpose = ? and expires_at > ?")
			.params(tokenHash, purpose.name(), timestamp(now))
			.query(Long.class)
			.optional();
	}

	/**
	 * Deleting the row is the single-use guarantee: of two requests racing with the same link, on one instance or
	 * two, only one deletes it.
	 */
	boolean consume(LinkPurpose purpose, String tokenHash, Instant now) {
		return this.jdbc.sql("delete from email_links where token_hash = ? and purpose = ? and expires_at > ?")
			.params(tokenHash, purpose.name(), timestamp(now))
			.update() == 1;
	}

	int delete(LinkPurpose purpose, long subject) {
		return this.jdbc.sql("delete from email_links where purpose = ? and subject_id = ?")
			.params(purpose.name(), subject)
			.update();
	}

	int deleteExpired(Instant now) {
		return this.jdbc.sql("delete from email_links where expires_at <= ?").param(timestamp(now)).update();
	}

	/**
	 * Both databases keep microseconds: truncating here, rather than letting the database round, keeps the
	 * comparison with the expiry exact at the boundary.
	 */
	private static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
	}

}
