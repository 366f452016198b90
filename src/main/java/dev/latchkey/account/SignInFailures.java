package dev.latchkey.account;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-ins by account and client address, in the database so that every instance behind a load balancer
 * counts the same. Only inserts and counts: concurrent failures for one account never contend for a row.
 */
@Repository
class SignInFailures {

	private final JdbcClient jdbc;

	SignInFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(String account, String clientIp, Instant at) {
		this.jdbc.sql("insert into sign_in_failures (email_normalized, client_ip, failed_at) values (?, ?, ?)")
			.params(account, clientIp, Timestamp.from(at))
			.update();
	}

	int byAccount(String account, Instant since) {
		return count("select count(*) from sign_in_failures where email_normalized = ? and failed_at > ?", account,
				since);
	}

	int byClient(String clientIp, Instant since) {
		return count("select count(*) from sign_in_failures where client_ip = ? and failed_at > ?", clientIp, since);
	}

	int byAccountAndClient(String account, String clientIp, Instant since) {
		return count("select count(*) from sign_in_failures where email_normalized = ? and client_ip = ? and failed_at > ?",
				account, clientIp, since);
	}

	Instant lastByAccount(String account) {
		Timestamp last = this.jdbc.sql("select max(failed_at) from sign_in_failures where email_normalized = ?")
			.param(account)
			.query(Timestamp.class)
			.single();
		return (last != null) ? last.toInstant() : null;
	}

	void clear(String account, String clientIp) {
		this.jdbc.sql("delete from sign_in_failures where email_normalized = ? and client_ip = ?")
			.params(account, clientIp)
			.update();
	}

	void clear(String account) {
		this.jdbc.sql("delete from sign_in_failures where email_normalized = ?").param(account).update();
	}

	int deleteOlderThan(Instant cutoff) {
		return this.jdbc.sql("delete from sign_in_failures where failed_at <= ?").param(Timestamp.from(cutoff)).update();
	}

	private int count(String sql, Object... params) {
		Object[] all = new Object[params.length];
		for (int i = 0; i < params.length; i++) {
			all[i] = (params[i] instanceof Instant instant) ? Timestamp.from(instant) : params[i];
		}
		Long count = this.jdbc.sql(sql).params(all).query(Long.class).single();
		return (count != null) ? count.intValue() : 0;
	}

}
