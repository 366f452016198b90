package dev.latchkey.account;

import dev.latchkey.shared.UserId;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Limits reset emails per account and requests per client address, each within the last hour. The requests are
 * counted in the database, not in memory, so that every instance behind a load balancer enforces one limit.
 * Every request is recorded, for an existing account or not, so both cases do the same work.
 */
@Component
class PasswordResetThrottle {

	static final Duration WINDOW = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final PasswordResetProperties properties;

	PasswordResetThrottle(JdbcClient jdbc, PasswordResetProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Records a request and decides whether to act on it.
	 * @param user the account the address belongs to, or {@code null} if none does
	 * @return whether an email may be sent
	 */
	boolean admit(UserId user, String clientIp, Instant now) {
		String client = truncate(clientIp);
		Timestamp since = timestamp(now.minus(WINDOW));
		long fromClient = this.jdbc
			.sql("select count(*) from password_reset_requests where client_ip = ? and requested_at > ?")
			.params(client, since)
			.query(Long.class)
			.single();
		// Queried for an unknown address too (no user has id -1), so that both cases take the same time.
		long mailedToAccount = this.jdbc
			.sql("select count(*) from password_reset_requests where user_id = ? and mailed = true and requested_at > ?")
			.params((user != null) ? user.value() : -1L, since)
			.query(Long.class)
			.single();
		boolean admitted = user != null && fromClient < this.properties.maxRequestsPerClientIpPerHour()
				&& mailedToAccount < this.properties.maxEmailsPerAccountPerHour();
		this.jdbc
			.sql("insert into password_reset_requests (user_id, client_ip, requested_at, mailed) values (?, ?, ?, ?)")
			.params((user != null) ? user.value() : null, client, timestamp(now), admitted)
			.update();
		return admitted;
	}

	int forgetBefore(Instant instant) {
		return this.jdbc.sql("delete from password_reset_requests where requested_at <= ?")
			.param(timestamp(instant))
			.update();
	}

	private static String truncate(String clientIp) {
		return (clientIp != null && clientIp.length() > 64) ? clientIp.substring(0, 64) : clientIp;
	}

	/**
	 * Both databases keep microseconds: truncating here, rather than letting the database round, keeps the
	 * comparison with the expiry exact at the boundary.
	 */
	private static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
	}

}
