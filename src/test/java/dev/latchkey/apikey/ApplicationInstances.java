package dev.latchkey.apikey;

import java.time.Instant;
import java.util.UUID;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.ApiClient;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.Tenants;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole application instances started the way a deployment starts them, each on its own random port. */
final class ApplicationInstances {

	private ApplicationInstances() {
	}

	static ConfigurableApplicationContext start(String jdbcUrl, String username, String password, String... more) {
		java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
				"--server.address=127.0.0.1", "--spring.datasource.url=" + jdbcUrl,
				"--spring.datasource.username=" + username, "--spring.datasource.password=" + password));
		args.addAll(java.util.List.of(more));
		return new SpringApplicationBuilder(LatchkeyApplication.class).run(args.toArray(String[]::new));
	}

	static ApiClient api(ConfigurableApplicationContext context) {
		return new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
	}

	/** A new tenant with one admin, and a key of theirs. */
	static CreatedApiKey tenantWithKey(ConfigurableApplicationContext context) {
		Instant now = Instant.now();
		Tenant tenant = context.getBean(Tenants.class).create("Tenant " + UUID.randomUUID(), false, now);
		User admin = context.getBean(Users.class)
			.create(tenant.id(), UUID.randomUUID() + "@example.test", "Admin", "{noop}unused", Role.ADMIN, now);
		return context.getBean(ApiKeyService.class)
			.create(Actor.user(tenant.id(), admin.id(), "127.0.0.1"), new NewApiKey("instance test", null, null));
	}

}
