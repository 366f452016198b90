package dev.latchkey.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failed sign-ins by account, in the database so that every instance behind a load balancer counts the same. */
@Repository
class SignInFailures {

	private final JdbcClient jdbc;

	SignInFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(String emailNormalized, Instant at) {
		this.jdbc.sql("insert into sign_in_failures (email_normalized, failed_at) values (?, ?)")
			.params(emailNormalized, Timestamp.from(at))
			.update();
	}

	/** The account's failures after {@code since}, oldest first. */
	List<Instant> since(String emailNormalized, Instant since) {
		return this.jdbc
			.sql("select failed_at from sign_in_failures where email_normalized = ? and failed_at > ? order by failed_at")
			.params(emailNormalized, Timestamp.from(since))
			.query((rs, n) -> rs.getTimestamp("failed_at").toInstant())
			.list();
	}

	void clear(String emailNormalized) {
		this.jdbc.sql("delete from sign_in_failures where email_normalized = ?").param(emailNormalized).update();
	}

	int deleteOlderThan(Instant cutoff) {
		return this.jdbc.sql("delete from sign_in_failures where failed_at <= ?").param(Timestamp.from(cutoff)).update();
	}

}
