package dev.latchkey.audit;

import dev.latchkey.shared.Actor;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import dev.latchkey.shared.TenantId;
import dev.latchkey.shared.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(Actor actor, String action, Long apiKeyId, Instant now) {
		this.jdbc
			.sql("insert into audit_events (tenant_id, actor_user_id, actor_key_id, action, api_key_id, occurred_at, client_ip) "
					+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(actor.tenantId().value(), (actor.userId() != null) ? actor.userId().value() : null,
					actor.apiKeyId(), action, apiKeyId, Timestamp.from(now), truncate(actor.clientIp()))
			.update();
	}

	/**
	 * A change that concerns a member rather than a key (invited, role changed, disabled, removed), or a tenant as
	 * a whole (an operator's grant or suspension, where {@code subject} is {@code null}): recorded in the tenant the
	 * actor names, which for an operator is the tenant it acted on.
	 */
	public void recordAbout(Actor actor, String action, UserId subject, Instant now) {
		this.jdbc
			.sql("insert into audit_events (tenant_id, actor_user_id, actor_key_id, action, subject_user_id, occurred_at, "
					+ "client_ip) values (?, ?, ?, ?, ?, ?, ?)")
			.params(actor.tenantId().value(), (actor.userId() != null) ? actor.userId().value() : null,
					actor.apiKeyId(), action, (subject != null) ? subject.value() : null, Timestamp.from(now),
					truncate(actor.clientIp()))
			.update();
	}

	/** A tenant's events that are not about a key, newest first: what operators and admins did to it. */
	public List<AuditEvent> forTenant(TenantId tenant, int limit) {
		return this.jdbc
			.sql("select e.action, e.occurred_at, e.client_ip, u.display_name, u.email from audit_events e "
					+ "left join users u on u.id = e.actor_user_id where e.tenant_id = ? and e.api_key_id is null "
					+ "order by e.occurred_at desc, e.id desc limit ?")
			.params(tenant.value(), limit)
			.query((rs, n) -> {
				String user = rs.getString("display_name");
				if (user == null || user.isBlank()) {
					user = rs.getString("email");
				}
				return new AuditEvent(rs.getString("action"), user, rs.getTimestamp("occurred_at").toInstant(),
						rs.getString("client_ip"));
			})
			.list();
	}

	/**
	 * A sign-in attempt: the email as typed (whether or not an account has it), the client's address and user agent;
	 * the tenant and user when the email belongs to an account.
	 */
	public void recordSignIn(String action, TenantId tenant, UserId user, String emailAsTyped, String clientIp,
			String userAgent, Instant now) {
		this.jdbc
			.sql("insert into audit_events (tenant_id, actor_user_id, action, occurred_at, client_ip, actor_email, user_agent) "
					+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params((tenant != null) ? tenant.value() : null, (user != null) ? user.value() : null, action,
					Timestamp.from(now), truncate(clientIp), cut(emailAsTyped, 320), cut(userAgent, 512))
			.update();
	}

	/** A key's history, oldest first, naming the user and, for API calls, the key that acted. */
	public List<AuditEvent> forKey(TenantId tenant, long apiKeyId) {
		return this.jdbc
			.sql("select e.action, e.occurred_at, e.client_ip, u.display_name, u.email, k.token_prefix "
					+ "from audit_events e left join users u on u.id = e.actor_user_id "
					+ "left join api_keys k on k.id = e.actor_key_id "
					+ "where e.tenant_id = ? and e.api_key_id = ? order by e.occurred_at, e.id")
			.params(tenant.value(), apiKeyId)
			.query((rs, n) -> {
				String user = rs.getString("display_name");
				if (user == null || user.isBlank()) {
					user = rs.getString("email");
				}
				if (user == null) {
					user = "Latchkey"; // no person acted: a leak report, say
				}
				String viaKey = rs.getString("token_prefix");
				String actor = (viaKey != null) ? user + " (API key " + viaKey + "…)" : user;
				return new AuditEvent(rs.getString("action"), actor, rs.getTimestamp("occurred_at").toInstant(),
						rs.getString("client_ip"));
			})
			.list();
	}

	private static String cut(String text, int max) {
		return (text != null && text.length() > max) ? text.substring(0, max) : text;
	}

	private static String truncate(String clientIp) {
		return (clientIp != null && clientIp.length() > 64) ? clientIp.substring(0, 64) : clientIp;
	}

}
