package dev.latchkey.web;

import java.time.Instant;
import java.util.UUID;

import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.ApiClient;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.Tenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address the audit log (and the sign-in throttle) sees: a client's own X-Forwarded-For is ignored unless the
 * connection comes from a configured proxy.
 */
abstract class ForwardedHeadersTests {

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Users users;

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcClient jdbc;

	/** Creates a key over the API with the given X-Forwarded-For and returns the address the audit log kept. */
	String auditedAddress(String forwardedFor) {
		Tenant tenant = this.tenants.create("Proxy " + UUID.randomUUID(), false, Instant.now());
		User user = this.users.create(tenant.id(), "proxy-" + UUID.randomUUID() + "@acme.test", "P", "{noop}x",
				Role.ADMIN, Instant.now());
		String token = this.keys.create(Actor.user(tenant.id(), user.id(), "127.0.0.1"), new NewApiKey("caller", null, null))
			.token();
		var response = new ApiClient(this.port).raw("POST", "/api/credentials/keys", "x-api-key: " + token
				+ "\r\nContent-Type: application/json\r\nX-Forwarded-For: " + forwardedFor + "\r\n", "{\"name\":\"via proxy\"}");
		assertThat(response.status()).isEqualTo(201);
		return this.jdbc.sql("select e.client_ip from audit_events e join api_keys k on k.id = e.api_key_id "
				+ "where k.tenant_id = ? and k.name = 'via proxy'")
			.param(tenant.id().value())
			.query(String.class)
			.single();
	}

}
