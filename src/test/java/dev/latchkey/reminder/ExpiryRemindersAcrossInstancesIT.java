package dev.latchkey.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.EmbeddedPostgres;
import dev.latchkey.support.TestSmtpServer;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database check for reminders at the same time, over and over: each key gets its
 * reminder once, each person one email, whichever instance wins.
 */
class ExpiryRemindersAcrossInstancesIT {

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	@BeforeAll
	static void startTwoInstances() {
		String url = EmbeddedPostgres.newDatabase();
		a = start(url);
		b = start(url);
	}

	@AfterAll
	static void stop() {
		b.close();
		a.close();
	}

	@Test
	void eachKeyIsRemindedOnceAndEachPersonGetsOneEmail() throws Exception {
		Instant now = Instant.now();
		Tenant tenant = a.getBean(Tenants.class).create("Instances " + UUID.randomUUID(), false, now);
		List<User> members = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			members.add(a.getBean(Users.class)
				.create(tenant.id(), "member" + i + "-" + UUID.randomUUID() + "@example.test", "Member " + i,
						"{noop}unused", Role.DEVELOPER, now));
		}
		// In one transaction, so that the instances' own checks (every 0.1 s) see all of the keys or none.
		a.getBean(TransactionTemplate.class).executeWithoutResult((status) -> {
			for (int i = 0; i < 30; i++) {
				User creator = members.get(i % members.size());
				a.getBean(ApiKeyService.class)
					.create(Actor.user(tenant.id(), creator.id(), "127.0.0.1"),
							new NewApiKey("key " + i, now.plus(Duration.ofDays(5)), null));
			}
		});

		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> checks = new ArrayList<>();
			for (int round = 0; round < 5; round++) {
				checks.add(() -> a.getBean(ExpiryReminders.class).check());
				checks.add(() -> b.getBean(ExpiryReminders.class).check());
			}
			// The instances' own schedules (every 0.1 s) check alongside.
			for (Future<Integer> check : threads.invokeAll(checks)) {
				check.get();
			}
		}
		finally {
			threads.shutdown();
		}

		JdbcClient jdbc = a.getBean(JdbcClient.class);
		assertThat(jdbc.sql("select count(*) from key_reminders r join api_keys k on k.id = r.api_key_id "
				+ "where k.tenant_id = ? and r.threshold_days = 7")
			.param(tenant.id().value())
			.query(Integer.class)
			.single()).isEqualTo(30);
		assertThat(jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = 'reminder sent'")
			.param(tenant.id().value())
			.query(Integer.class)
			.single()).isEqualTo(30);
		for (User member : members) {
			List<TestSmtpServer.Received> received = TestSmtpServer.awaitEmails(member.email(), 1);
			assertThat(received.get(0).subject()).isEqualTo("10 of your API keys expire soon");
		}
		TestSmtpServer.sleep(1_500);
		for (User member : members) {
			assertThat(TestSmtpServer.to(member.email())).as("one email for " + member.email()).hasSize(1);
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		int smtpPort = TestSmtpServer.get().getSmtp().getPort();
		return new SpringApplicationBuilder(LatchkeyApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtpPort, "--latchkey.mail.poll-interval=PT0.05S",
				"--latchkey.reminders.interval=PT0.1S");
	}

}
