package dev.latchkey.shared;


/**
 * Who makes a change, and from where: a signed-in user, or the user's API key. Every service call that reads
 * or changes tenant data takes one, so tenant scoping cannot be forgotten.
 *
 * @param apiKeyId the internal id of the key the request authenticated with, or {@code null} in the dashboard
 */
public record Actor(TenantId tenantId, UserId userId, Long apiKeyId, String clientIp) {

	public static Actor user(TenantId tenantId, UserId userId, String clientIp) {
		return new Actor(tenantId, userId, null, clientIp);
	}

	public static Actor apiKey(TenantId tenantId, UserId owner, long apiKeyId, String clientIp) {
		return new Actor(tenantId, owner, apiKeyId, clientIp);
	}

}
